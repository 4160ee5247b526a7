from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Actualités"

    def ready(self):
        from django_q.models import Schedule

        from portal import schedules

        # Hourly: the task itself sends during settings.NEGE_NEWS_DIGEST_HOUR (no cron dependency,
        # and robust to daylight saving time).
        schedules.register("Lettre quotidienne des actualités", "news.digest.run_scheduled_digest", Schedule.HOURLY)
        # Wagtail's scheduled publication (go_live_at / expire_at) needs its command run regularly.
        schedules.register(
            "Publication programmée des pages", "news.tasks.publish_scheduled", Schedule.MINUTES, minutes=1
        )
        post_migrate.connect(schedules.ensure_schedules, sender=self, dispatch_uid="news_schedules")
