"""One table row as the demo generator builds it: column name to value, ready to insert."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]
