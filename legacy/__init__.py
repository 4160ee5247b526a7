"""Moving in from the old portal: organisations, members and candidate dossiers from CSV/XLSX exports."""
