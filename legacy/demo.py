"""Demo data of the import: sample files of the old portal, written by `seed_demo --export-legacy <folder>`."""

from portal.registry import DemoExport

from .samples import export_samples

DEMO_EXPORTS = [
    DemoExport(
        "export-legacy",
        export_samples,
        help="Écrit dans ce dossier des fichiers d'exemple fictifs au format de l'ancien portail (CSV et XLSX, "
        "documents) pour essayer manage.py import_legacy, sans créer de données.",
    )
]
