// An independent GELF receiver for the tests: graygelf's UDP server (plain, gzip, zlib, chunked)
// and a TCP server with Node's net (frames end at a 0 byte). Every message received is printed as
// one JSON line on stdout: {"transport":"udp"|"tcp","message":{...}}. A line {"ready":true} says
// both servers listen. Usage: node gelf-receiver.js NODE_MODULES_DIR UDP_PORT TCP_PORT
'use strict';
const path = require('path');
const net = require('net');

const [modules, udpPort, tcpPort] = process.argv.slice(2);
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

let listening = 0;
function ready() {
  if (++listening === 2) process.stdout.write('{"ready":true}\n');
}
udp._udp.on('listening', ready);
tcp.listen(Number(tcpPort), '127.0.0.1', ready);

process.on('SIGTERM', () => process.exit(0));
