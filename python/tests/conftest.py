import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def cdnow_path():
    path = ROOT / "target" / "cdnow" / "CDNOW_sample.txt"
    if not path.exists():
        pytest.fail("target/cdnow/CDNOW_sample.txt is missing: run ./scripts/fetch_cdnow.sh")
    return path


@pytest.fixture(scope="session")
def golden():
    return {name: json.loads((ROOT / "tests" / "golden" / f"{name}.json").read_text(encoding="utf-8"))
            for name in ("rows", "scores", "clv")}
