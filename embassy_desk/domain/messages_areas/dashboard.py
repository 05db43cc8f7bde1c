"""The dashboard and the situation report."""

CATALOG: dict[str, str] = {
    "dashboard.refresh_failed": "the dashboard's figures could not be read: {error}",
    "sitrep.bad_language": "{lang!r} is not a language of the situation report; choose one of {languages}",
    "sitrep.no_folder": "the folder {path} does not exist",
    "sitrep.written": "Situation report as of {as_of} written to {path} ({pages:n} page(s)).",
    "sitrep.csv_written": "Its figures written to {path} ({rows} rows).",
}
