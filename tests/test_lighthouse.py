"""`nox -s lighthouse` without a browser: the static host it measures through, and
how it reads, summarises and judges Lighthouse's reports."""

import gzip
import urllib.error
import urllib.request

import pytest

from tools import lighthouse, static_host
from tools.lighthouse import Page
from tools.pages import topic_pages


def report(perf=0.95, tbt=120.0, a11y=1.0, error=None):
    """The parts of a Lighthouse JSON report tools.lighthouse reads."""
    audits = {a: {"numericValue": 1000.0} for a in lighthouse.AUDITS.values()}
    audits["total-blocking-time"] = {"numericValue": tbt}
    audits["cumulative-layout-shift"] = {"numericValue": 0.012}
    categories = {
        "performance": {"score": perf},
        "accessibility": {"score": a11y},
        "best-practices": {"score": 1.0},
    }
    lhr = {"categories": categories, "audits": audits, "finalDisplayedUrl": "u"}
    lhr["environment"] = {"benchmarkIndex": 2300.0}
    if error:
        lhr["runtimeError"] = error
    return lhr


def test_metrics_are_scores_out_of_100_and_audit_values():
    values = lighthouse.metrics(report(perf=0.73, tbt=1700.0))
    assert values["perf"] == pytest.approx(73)
    assert values["a11y"] == 100
    assert values["tbt"] == 1700
    assert values["cls"] == 0.012
    assert values["bench"] == 2300
    assert set(values) == {"perf", "a11y", "bp", "bench", *lighthouse.AUDITS}


def test_a_report_that_failed_to_load_is_an_error_not_a_zero():
    with pytest.raises(RuntimeError, match="NO_FCP"):
        lighthouse.metrics(report(perf=None, error={"code": "NO_FCP"}))


def test_median_is_taken_per_metric():
    runs = [{"perf": 90, "tbt": 500}, {"perf": 70, "tbt": 100}, {"perf": 80, "tbt": 0}]
    assert lighthouse.median(runs) == {"perf": 80, "tbt": 100}
    assert lighthouse.median([{"perf": 90}, {"perf": 95}]) == {"perf": 92.5}


def test_the_table_has_a_row_per_page_in_readable_units():
    values = lighthouse.metrics(report(perf=0.5412, tbt=2345.6))
    text = lighthouse.table([(Page("/en/x/", "topic"), values)])
    header, rule, row = text.splitlines()
    assert header.split() == (
        "page perf FCP s LCP s TBT ms CLS SI s a11y BP kB DOM".split()
    )
    # 1000 ms -> 1.0 s, 1000 bytes -> 1 kB
    assert row.split() == "/en/x/ 54 1.0 1.0 2346 0.012 1.0 100 100 1 1000".split()


@pytest.mark.parametrize(
    ("kind", "perf", "tbt", "desktop", "failures"),
    [
        ("topic", 95, 300, False, 0),  # exactly at the limits passes
        ("topic", 94.5, 100, False, 1),
        ("notebook", 90, 300, False, 0),
        ("notebook", 89.5, 100, False, 1),
        ("notebook", 95, 301, False, 1),
        ("topic", 50, 2000, False, 2),
        ("home", 50, 2000, False, 0),  # the home pages are reported, not judged
        ("topic", 97, 2000, True, 1),  # desktop: the score alone, at 98
        ("notebook", 98, 2000, True, 0),
    ],
)
def test_limits(kind, perf, tbt, desktop, failures):
    results = [(Page("/p/", kind), {"perf": perf, "tbt": tbt})]
    assert len(lighthouse.problems(results, desktop)) == failures


def test_a_page_whose_every_run_failed_fails_rather_than_passes():
    values = lighthouse.median([])  # no run produced a report
    assert lighthouse.problems([(Page("/p/", "topic"), values)], desktop=False)
    assert lighthouse.problems([(Page("/p/", "topic"), values)], desktop=True)


def test_discover_finds_home_topic_and_notebook_pages_of_both_languages(tmp_path):
    slugs = [page.slug for page in topic_pages("ko")]
    paths = ["", "en/"]
    for root in ("", "en/"):
        paths += [f"{root}{slug}/" for slug in slugs]
        paths += [f"{root}notebooks/{slug}/" for slug in slugs]
    for path in paths:
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text("<!doctype html>")
    pages = lighthouse.discover(tmp_path)
    assert sorted(p.path for p in pages) == sorted("/" + p for p in paths)
    kinds = [p.kind for p in pages]
    assert kinds.count("home") == 2
    assert kinds.count("topic") == kinds.count("notebook") == 2 * len(slugs)

    (tmp_path / "en" / "notebooks" / slugs[0] / "index.html").unlink()
    with pytest.raises(SystemExit, match=f"/en/notebooks/{slugs[0]}/"):
        lighthouse.discover(tmp_path)


# ------------------------------------------------------------------ static host
FILES = {
    "a.css": "body{}",
    "a.js": "x()",
    "a.mjs": "export{}",
    "a.json": "{}",
    "a.svg": "<svg/>",
    "a.woff2": "wOF2",
    "a.png": "PNG",
}


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("site")
    (tmp_path / "en" / "page").mkdir(parents=True)
    (tmp_path / "en" / "page" / "index.html").write_text("<p>" + "hello " * 200)
    (tmp_path / "404.html").write_text("gone")
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    with static_host.serve(tmp_path) as origin:
        yield origin


def fetch(url, gzip_ok=True):
    request = urllib.request.Request(url)
    if gzip_ok:
        request.add_header("Accept-Encoding", "gzip, deflate, br")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize(
    ("name", "mime", "gzipped"),
    [
        ("a.css", "text/css; charset=utf-8", True),
        ("a.js", "text/javascript; charset=utf-8", True),
        ("a.mjs", "text/javascript; charset=utf-8", True),
        ("a.json", "application/json", True),
        ("a.svg", "image/svg+xml", True),
        ("a.woff2", "font/woff2", False),  # already compressed
        ("a.png", "image/png", False),
    ],
)
def test_the_host_sends_real_types_and_gzips_text(host, name, mime, gzipped):
    status, headers, body = fetch(f"{host}/{name}")
    assert status == 200
    assert headers["Content-Type"] == mime
    assert (headers.get("Content-Encoding") == "gzip") == gzipped
    assert int(headers["Content-Length"]) == len(body)
    if gzipped:
        body = gzip.decompress(body)
    assert body.decode() == FILES[name]


def test_the_host_serves_a_directory_page_gzipped_only_when_accepted(host):
    status, headers, zipped = fetch(f"{host}/en/page/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    _, plain_headers, plain = fetch(f"{host}/en/page/", gzip_ok=False)
    assert "Content-Encoding" not in plain_headers
    assert gzip.decompress(zipped) == plain
    assert plain.startswith(b"<p>hello") and len(zipped) < len(plain) / 5


def test_the_host_redirects_to_the_slash_and_404s_like_a_static_host(host):
    request = urllib.request.Request(f"{host}/en/page")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"] == "/en/page/"
    status, _, body = fetch(f"{host}/nowhere/", gzip_ok=False)
    assert (status, body) == (404, b"gone")
    status, _, body = fetch(f"{host}/en/../../etc/passwd", gzip_ok=False)
    assert (status, body) == (404, b"gone")


def test_accept_encoding():
    assert static_host.accepts_gzip("gzip, deflate, br")
    assert static_host.accepts_gzip("br;q=1.0, gzip;q=0.8")
    assert static_host.accepts_gzip("*")
    assert not static_host.accepts_gzip("gzip;q=0")
    assert not static_host.accepts_gzip("br")
    assert not static_host.accepts_gzip(None)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
