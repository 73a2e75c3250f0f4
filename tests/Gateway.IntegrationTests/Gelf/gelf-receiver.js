// An independent GELF receiver for the tests: graygelf's UDP server (plain, gzip, zlib, chunked),
// a TCP server with Node's net (frames end at a 0 byte) and an HTTP server with Node's http
// (POST /gelf, Content-Encoding gzip or deflate, answers 202 as Graylog does). Every message received
// is printed as one JSON line on stdout: {"transport":"udp"|"tcp"|"http","message":{...}}. A line
// {"ready":true} says all servers listen.
// Usage: node gelf-receiver.js NODE_MODULES_DIR UDP_PORT TCP_PORT HTTP_PORT
'use strict';
const path = require('path');
const net = require('net');
const http = require('http');
const zlib = require('zlib');

const [modules, udpPort, tcpPort, httpPort] = process.argv.slice(2);
const GrayGelfServer = require(path.join(modules, 'graygelf', 'server'));

function print(transport, message) {
  process.stdout.write(JSON.stringify({ transport, message }) + '\n');
}

const udp = new GrayGelfServer();
// One invalid datagram would throw inside graygelf and end the process: report it instead.
const broadcast = udp._broadcast;
udp._broadcast = function (er, buf) {
  try {
    broadcast.call(this, er, buf);
  } catch (e) {
    process.stdout.write(JSON.stringify({ transport: 'udp', error: String(e) }) + '\n');
  }
};
udp.on('message', (m) => print('udp', m));
udp.on('error', (e) => process.stdout.write(JSON.stringify({ transport: 'udp', error: String(e) }) + '\n'));
udp.listen(Number(udpPort), '127.0.0.1');

const tcp = net.createServer((socket) => {
  let pending = Buffer.alloc(0);
  socket.on('data', (data) => {
    pending = Buffer.concat([pending, data]);
    let end;
    while ((end = pending.indexOf(0)) >= 0) {
      const frame = pending.subarray(0, end);
      pending = pending.subarray(end + 1);
      try {
        print('tcp', JSON.parse(frame.toString('utf8')));
      } catch (e) {
        process.stdout.write(JSON.stringify({ transport: 'tcp', error: String(e) }) + '\n');
      }
    }
  });
  socket.on('error', () => {});
});

const web = http.createServer((request, response) => {
  const parts = [];
  request.on('data', (data) => parts.push(data));
  request.on('end', () => {
    if (request.method !== 'POST' || request.url !== '/gelf') {
      response.writeHead(404).end();
      return;
    }
    try {
      let body = Buffer.concat(parts);
      const encoding = request.headers['content-encoding'];
      if (encoding === 'gzip') body = zlib.gunzipSync(body);
      else if (encoding === 'deflate') body = zlib.inflateSync(body);
      const message = JSON.parse(body.toString('utf8'));
      process.stdout.write(JSON.stringify({ transport: 'http', encoding: encoding || 'none', type: request.headers['content-type'], message }) + '\n');
      response.writeHead(202).end();
    } catch (e) {
      process.stdout.write(JSON.stringify({ transport: 'http', error: String(e) }) + '\n');
      response.writeHead(400).end();
    }
  });
});

let listening = 0;
function ready() {
  if (++listening === 3) process.stdout.write('{"ready":true}\n');
}
udp._udp.on('listening', ready);
tcp.listen(Number(tcpPort), '127.0.0.1', ready);
web.listen(Number(httpPort), '127.0.0.1', ready);

process.on('SIGTERM', () => process.exit(0));
