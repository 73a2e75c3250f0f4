"""SMTP receiver for the e-mail exporter's tests (aiosmtpd, Debian package python3-aiosmtpd).

Listens on 127.0.0.1:PORT and writes every message it accepts, as received, to DIR/NNNNNN.eml
(written to a temporary name first, then renamed, so a reader never sees half a message). Prints
READY once it listens. Options:
  --user U --password P   require SMTP AUTH (PLAIN/LOGIN, also without TLS) with these credentials;
                          every attempt is logged to DIR/auth.log as "ok U" or "fail U"
  --reject PREFIX         answer 550 to RCPT TO addresses starting with PREFIX (repeatable)
  --tempfail PREFIX       answer 451 to RCPT TO addresses starting with PREFIX (repeatable)
  --tempfail-once TEXT    answer 451 to the DATA of a message containing TEXT the first time that
                          message (by Message-ID) comes; accept it when it comes again (repeatable)
Run with /usr/bin/python3 (the system Python that has aiosmtpd).
"""
import argparse
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, out, reject, tempfail, tempfail_once):
        self.out = out
        self.reject = reject
        self.tempfail = tempfail
        self.tempfail_once = [t.encode() for t in tempfail_once]
        self.refused = set()
        self.lock = threading.Lock()
        self.count = len([f for f in os.listdir(out) if f.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if any(address.startswith(p) for p in self.reject):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown in local recipient table" % address
        if any(address.startswith(p) for p in self.tempfail):
            return "451 4.3.0 <%s>: Temporary lookup failure, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content
        if any(t in content for t in self.tempfail_once):
            message_id = next((line for line in content.splitlines() if line.lower().startswith(b"message-id:")), b"")
            if message_id not in self.refused:
                self.refused.add(message_id)
                return "451 4.3.0 Temporary failure, try this message again later"
        with self.lock:
            self.count += 1
            n = self.count
        tmp = os.path.join(self.out, ".%06d.tmp" % n)
        with open(tmp, "wb") as f:
            f.write(envelope.original_content)
        os.rename(tmp, os.path.join(self.out, "%06d.eml" % n))
        return "250 2.0.0 Ok: queued as %06d" % n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--tempfail", action="append", default=[])
    parser.add_argument("--tempfail-once", action="append", default=[])
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    auth_log = os.path.join(args.dir, "auth.log")

    def authenticator(server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode() if isinstance(auth_data, LoginPassword) else ""
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == args.user.encode()
              and auth_data.password == args.password.encode())
        with open(auth_log, "a") as f:
            f.write("%s %s\n" % ("ok" if ok else "fail", login))
        return AuthResult(success=ok, handled=False)

    kwargs = {}
    if args.user is not None:
        kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    controller = Controller(Handler(args.dir, args.reject, args.tempfail, args.tempfail_once), hostname="127.0.0.1", port=args.port, **kwargs)
    controller.start()
    print("READY", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(1):
        pass
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
