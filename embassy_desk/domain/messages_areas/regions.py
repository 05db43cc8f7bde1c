"""Regions from cities and the import wizard."""

CATALOG: dict[str, str] = {
    "regions.import_filled": (
        "Regions filled from the city: {count:n} (a region given in the file was kept as it was)."
    ),
    "regions.import_skipped": "Rows left out on purpose (likely duplicates): {count:n}.",
    "importwiz.field_twice": (
        "{field} is chosen for two columns, {first!r} and {second!r}; choose it for one of them"
    ),
    "importwiz.no_file": "choose the file to import",
}
