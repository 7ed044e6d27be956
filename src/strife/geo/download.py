"""Fetching GeoNames country dumps, for users who have internet.

Only `strife gazetteer download` calls this: nothing in strife downloads at run time.
The base URL is configurable (``--base-url`` or ``STRIFE_GEONAMES_URL``) so that mirrors,
and tests with a local server, can stand in for GeoNames.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"
SHARED_FILES = ["admin1CodesASCII.txt", "admin2Codes.txt", "countryInfo.txt"]
TIMEOUT = 60  # seconds without a byte before giving up


class DownloadError(Exception):
    pass


def files_for(countries: list[str]) -> list[str]:
    """Paths, relative to the dump URL, of what an import of these countries needs."""
    per_country = [f"{c}.zip" for c in countries] + [f"alternatenames/{c}.zip" for c in countries]
    return per_country + SHARED_FILES


def download_geonames(
    countries: list[str],
    to: Path | None = None,
    base_url: str | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> list[Path]:
    """Download the dumps for `countries` into `to` (default: the user cache dir); returns
    the local files. Each file lands under a temporary name and is renamed when complete,
    so an interrupted download never leaves a truncated file that looks whole."""
    # imported here: `import strife.geo` should not pay for http and ssl it never uses
    import urllib.error
    import urllib.request

    base = (base_url or os.environ.get("STRIFE_GEONAMES_URL") or DEFAULT_BASE_URL).rstrip("/") + "/"
    if to is None:
        from strife.geo.gazetteer import default_index_path

        to = default_index_path().parent / "geonames"
    out = []
    for rel in files_for(countries):
        url = base + rel
        dest = Path(to) / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        progress(f"fetching {url}")
        fd, tmp = tempfile.mkstemp(prefix=".download-", suffix=".tmp", dir=dest.parent)
        try:
            with os.fdopen(fd, "wb") as f, urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                shutil.copyfileobj(response, f, length=1 << 20)
            os.replace(tmp, dest)
        except urllib.error.HTTPError as exc:
            raise DownloadError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DownloadError(
                f"could not fetch {url} ({reason}): `strife gazetteer download` needs internet access. "
                f"Without it, copy the files from {DEFAULT_BASE_URL} by other means and run "
                "`strife gazetteer import FILES...`; strife itself works offline on its packaged gazetteer."
            ) from exc
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        out.append(dest)
    return out
