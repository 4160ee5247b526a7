from django.core.management.base import BaseCommand

from news.digest import send_news_digests


class Command(BaseCommand):
    help = "Envoie maintenant la lettre quotidienne des actualités aux abonnés qui ont du nouveau."

    def handle(self, *args, **options):
        count = send_news_digests()
        self.stdout.write(self.style.SUCCESS(f"{count} courriel(s) mis en file d'envoi."))
