from django.db import models


class Civility(models.TextChoices):
    MR = "M.", "Monsieur"
    MRS = "Mme", "Madame"
