"""A real SMTP server for the fault tests (aiosmtpd, in a thread), counting what it accepted by Message-ID."""

import asyncio
import email
import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    """The server's handler. `rcpt_delay` makes each message slow *before* its content is sent (a crash
    then loses nothing the server took); `on_data(message)` runs just before the server says 250."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        self.rcpt_delay = 0
        self.on_data = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_delay:
            await asyncio.sleep(self.rcpt_delay)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        if self.on_data:
            await asyncio.get_running_loop().run_in_executor(None, self.on_data, message)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def message_ids(self):
        with self.lock:
            return Counter(m["Message-ID"] for m in self.messages)


class SmtpServer:
    def __init__(self):
        self.port = free_port()
        self.handler = Recorder()
        self.controller = None

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None
