"""`make run`: the development server and a django-q2 worker together; one Ctrl-C stops both."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Sert le site (runserver) avec un worker django-q2 ; un seul Ctrl-C arrête les deux."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, **options):
        # runserver's autoreloader runs this command again in a child process (RUN_MAIN=true):
        # only the outer process owns the worker.
        if os.environ.get("RUN_MAIN") == "true":
            call_command("runserver", options["addrport"])
            return
        worker = subprocess.Popen([sys.executable, "manage.py", "qcluster"], cwd=settings.BASE_DIR)
        try:
            call_command("runserver", options["addrport"])
        except KeyboardInterrupt:
            pass
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
