"""One patient's resources as a FHIR `Bundle` of type `collection`: what a person sending
one patient's data to another practice or an EHR wants (one file, every reference inside)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

JsonDict = dict[str, Any]


def collection_bundle(
    resources: Iterable[JsonDict], base_url: str, *, bundle_id: str, timestamp: dt.datetime
) -> JsonDict:
    """Each resource with its `fullUrl` under the base, so the relative references
    ("Patient/mrn-…") resolve to entries of the same Bundle."""
    base = base_url.rstrip("/")
    entries = [
        {"fullUrl": f"{base}/{r['resourceType']}/{r['id']}", "resource": r} for r in resources
    ]
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "type": "collection",
        "timestamp": timestamp.astimezone(dt.UTC)
        .isoformat(timespec="seconds")
        .replace("+00:00", "Z"),
        "entry": entries,
    }


def references(node: object) -> Iterable[str]:
    """Every `reference` string inside a resource (to keep a Bundle's set-up to those used)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)
