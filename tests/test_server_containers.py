"""The relay's reading of container names (tfdesk/server_containers.py), fed the bytes
it would pass: what is emptied, when, and what is kept. The real server, with real
laptops, is tests/test_remote.py."""

import threading
import time

from tfdesk.server_containers import Containers

A, B = "tfdesk-0123456789abcdef", "tfdesk-fedcba9876543210"


def watch(grace_s=0.2):
    emptied, done = [], threading.Event()

    def cleanup(names):
        emptied.extend(names)
        done.set()
    return Containers(cleanup, grace_s), emptied, done


def test_a_name_cut_between_two_reads_is_still_read_and_emptied_after_the_grace_period():
    containers, emptied, done = watch()
    read = containers.reader(1)
    message = b"\x00\x05graph" + A.encode() + b"\x12more"
    cut = message.index(b"tfdesk") + 9
    read(message[:cut])
    read(message[cut:])
    containers.closed(1)
    time.sleep(0.1)
    assert emptied == []  # not before the grace period
    assert done.wait(5) and emptied == [A]


def test_a_container_named_again_on_another_connection_is_kept():
    containers, emptied, done = watch()
    containers.reader(1)(A.encode() + B.encode())
    containers.closed(1)
    containers.reader(2)(A.encode())  # the same laptop, reconnected, calls again
    assert done.wait(5)
    time.sleep(0.1)
    assert emptied == [B]  # B's laptop never came back
    containers.closed(2)
    time.sleep(0.5)
    assert emptied == [B, A]


def test_bytes_that_only_look_like_a_name_are_not_one():
    containers, emptied, done = watch()
    containers.reader(1)(b"tfdesk-0123 tfdesk-XYZ0123456789abc tfdesk-0123456789ABCDEF")
    containers.closed(1)
    assert not done.wait(0.5) and emptied == []


def test_the_grace_period_runs_from_the_last_connection_that_named_it():
    containers, emptied, done = watch(grace_s=0.5)
    containers.reader(1)(A.encode())
    containers.reader(2)(A.encode())  # an old connection lingers while the laptop uses a new one
    containers.closed(1)
    time.sleep(0.4)
    containers.closed(2)
    last_closed = time.monotonic()
    assert done.wait(5)
    assert time.monotonic() - last_closed >= 0.45  # not at the first connection's deadline
    time.sleep(0.3)
    assert emptied == [A]  # once
