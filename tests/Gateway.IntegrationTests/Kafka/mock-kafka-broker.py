#!/usr/bin/env python3
"""A Kafka-protocol broker for tests: librdkafka's mock cluster in a process of its own.

Usage: mock-kafka-broker.py LIBRDKAFKA_SO [--brokers N] [--topic NAME:PARTITIONS ...]

Prints "bootstrap HOST:PORT[,HOST:PORT]" when listening, then reads commands on stdin, one per line,
answering "ok ..." or "error ...":
  down ID | up ID                   broker ID (1..N) refuses connections / accepts them again
  topic NAME PARTITIONS             create a topic (the mock refuses CreateTopics from clients)
  errors APIKEY COUNT ERR [ERR ...] the next COUNT requests of APIKEY (0 = Produce) fail with ERR codes
  quit                              stop
SIGTERM, SIGINT and the end of stdin stop it too. Messages live as long as the process.
"""
import ctypes
import os
import signal
import sys
import threading

STOP = {signal.SIGTERM, signal.SIGINT}


def main():
    if len(sys.argv) < 2:
        print("usage: mock-kafka-broker.py LIBRDKAFKA_SO [--brokers N] [--topic NAME:PARTITIONS ...]", file=sys.stderr)
        return 2
    # librdkafka's threads inherit this mask: a signal then reaches only sigwait() below, never a
    # thread of the library (whose default action would kill the process without cleanup).
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP)

    lib = ctypes.CDLL(sys.argv[1])
    lib.rd_kafka_conf_new.restype = ctypes.c_void_p
    lib.rd_kafka_conf_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.rd_kafka_new.restype = ctypes.c_void_p
    lib.rd_kafka_new.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.rd_kafka_mock_cluster_new.restype = ctypes.c_void_p
    lib.rd_kafka_mock_cluster_new.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.rd_kafka_mock_cluster_bootstraps.restype = ctypes.c_char_p
    lib.rd_kafka_mock_cluster_bootstraps.argtypes = [ctypes.c_void_p]
    lib.rd_kafka_mock_topic_create.restype = ctypes.c_int
    lib.rd_kafka_mock_topic_create.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
    lib.rd_kafka_mock_broker_set_down.restype = ctypes.c_int
    lib.rd_kafka_mock_broker_set_down.argtypes = [ctypes.c_void_p, ctypes.c_int32]
    lib.rd_kafka_mock_broker_set_up.restype = ctypes.c_int
    lib.rd_kafka_mock_broker_set_up.argtypes = [ctypes.c_void_p, ctypes.c_int32]
    lib.rd_kafka_mock_push_request_errors_array.restype = None
    lib.rd_kafka_mock_push_request_errors_array.argtypes = [ctypes.c_void_p, ctypes.c_int16, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int)]
    lib.rd_kafka_mock_cluster_destroy.argtypes = [ctypes.c_void_p]
    lib.rd_kafka_destroy.argtypes = [ctypes.c_void_p]
    lib.rd_kafka_err2str.restype = ctypes.c_char_p
    lib.rd_kafka_err2str.argtypes = [ctypes.c_int]

    args = sys.argv[2:]
    brokers = 1
    topics = []
    i = 0
    while i < len(args):
        if args[i] == "--brokers":
            brokers = int(args[i + 1])
            i += 2
        elif args[i] == "--topic":
            name, _, partitions = args[i + 1].partition(":")
            topics.append((name, int(partitions or "1")))
            i += 2
        else:
            print(f"unknown argument {args[i]}", file=sys.stderr)
            return 2

    errstr = ctypes.create_string_buffer(512)
    conf = lib.rd_kafka_conf_new()
    lib.rd_kafka_conf_set(conf, b"log_level", b"3", errstr, len(errstr))
    rk = lib.rd_kafka_new(0, conf, errstr, len(errstr))  # RD_KAFKA_PRODUCER; owns conf
    if not rk:
        print("error rd_kafka_new: " + errstr.value.decode(), file=sys.stderr)
        return 1
    mc = lib.rd_kafka_mock_cluster_new(rk, brokers)
    if not mc:
        print("error rd_kafka_mock_cluster_new failed", file=sys.stderr)
        return 1
    lock = threading.Lock()

    def create_topic(name, partitions):
        err = lib.rd_kafka_mock_topic_create(mc, name.encode(), partitions, 1)
        return None if err == 0 else lib.rd_kafka_err2str(err).decode()

    for name, partitions in topics:
        problem = create_topic(name, partitions)
        if problem:
            print(f"error topic {name}: {problem}", file=sys.stderr)
            return 1
    print("bootstrap " + lib.rd_kafka_mock_cluster_bootstraps(mc).decode(), flush=True)

    def answer(text):
        print(text, flush=True)

    def commands():
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            try:
                with lock:
                    if words[0] in ("down", "up"):
                        call = lib.rd_kafka_mock_broker_set_down if words[0] == "down" else lib.rd_kafka_mock_broker_set_up
                        err = call(mc, int(words[1]))
                        answer(f"ok {words[0]} {words[1]}" if err == 0 else "error " + lib.rd_kafka_err2str(err).decode())
                    elif words[0] == "topic":
                        problem = create_topic(words[1], int(words[2]))
                        answer(f"ok topic {words[1]}" if not problem else "error " + problem)
                    elif words[0] == "errors":
                        codes = [int(w) for w in words[3:]]
                        count = int(words[2])
                        array = (ctypes.c_int * count)(*[codes[k % len(codes)] for k in range(count)])
                        lib.rd_kafka_mock_push_request_errors_array(mc, int(words[1]), count, array)
                        answer(f"ok errors {words[1]}")
                    elif words[0] == "quit":
                        break
                    else:
                        answer(f"error unknown command {words[0]}")
            except (ValueError, IndexError) as e:
                answer(f"error {e}")
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=commands, daemon=True).start()
    signal.sigwait(STOP)
    with lock:
        lib.rd_kafka_mock_cluster_destroy(mc)
        lib.rd_kafka_destroy(rk)
    return 0


if __name__ == "__main__":
    sys.exit(main())
