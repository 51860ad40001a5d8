"""A nightly run (#19): accepted findings stay quiet, new ones turn the run red, a wrong key is refused."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from classifier.cli import main
from tests.conftest import TEST_KEY

POLICY = """rules:
  - name: no-credentials
    category: credentials
    severity: critical
  - name: no-addresses-in-exports
    entity: EMAIL_ADDRESS
    unique_more_than: 10
"""
ENV = "AWS_ACCESS_KEY_ID=AKIAZ7QW3RT5YUP2MNBV\nAWS_SECRET_ACCESS_KEY=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\n"


def night(tmp_path: Path, root: Path, *args: str, key: bytes = TEST_KEY) -> tuple[int, str, list[dict[str, object]]]:
    key_path = tmp_path / f"key-{key.hex()[:6]}"
    key_path.write_bytes(key)
    policy = tmp_path / "dlp.yaml"
    policy.write_text(POLICY, "utf-8")
    out = tmp_path / "nightly"
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--workers", "1", "--quiet",
                                       "--key-file", str(key_path), "--catalog", str(tmp_path / "state.sqlite"),
                                       "--state", str(tmp_path / "state"), "--policy", str(policy), *args])
    lines = (out / "violations.jsonl").read_text("utf-8").splitlines() if (out / "violations.jsonl").exists() else []
    return result.exit_code, result.output, [json.loads(line) for line in lines]


def test_accepted_findings_stay_quiet_and_new_ones_turn_the_night_red(tmp_path: Path) -> None:
    root = tmp_path / "share"
    (root / "it").mkdir(parents=True)
    (root / "it" / "prod.env").write_text(ENV, "utf-8")
    (root / "exports").mkdir()
    (root / "exports" / "list.csv").write_text(
        "email\n" + "".join(f"person{n}@contoso.com\n" for n in range(12)), "utf-8")
    accepted = tmp_path / "accepted.json"

    status, output, violations = night(tmp_path, root, "--write-baseline", str(accepted))
    assert status == 3, output
    assert {(v["rule"], v["path"], v["severity"]) for v in violations} == {
        ("no-credentials", "it/prod.env", "critical"), ("no-addresses-in-exports", "exports/list.csv", "medium")}
    assert all("new_since_baseline" not in v for v in violations)
    baseline = json.loads(accepted.read_text("utf-8"))
    assert len(baseline["accepted"]) == 2 and all(set(a) == {"rule", "content_hmac"} for a in baseline["accepted"])

    # The next night: same findings, one file renamed (its content is what was accepted).
    shutil.move(root / "it" / "prod.env", root / "it" / "prod-old.env")
    status, output, violations = night(tmp_path, root, "--baseline", str(accepted))
    assert status == 0, output
    assert "policy: 2 violation(s) (0 new since the baseline)" in output
    assert [v["new_since_baseline"] for v in violations] == [False, False]

    # A new credentials file appears: only it is new, and the night is red.
    (root / "it" / "staging.env").write_text(ENV.replace("AKIAZ7QW3RT5YUP2MNBV", "AKIAQ4XW7ZT2LMN8BV3C"), "utf-8")
    status, output, violations = night(tmp_path, root, "--baseline", str(accepted))
    assert status == 3, output
    assert [(v["path"], v["new_since_baseline"]) for v in violations if v["rule"] == "no-credentials"] == [
        ("it/prod-old.env", False), ("it/staging.env", True)]
    assert "policy: 3 violation(s) (1 new since the baseline)" in output
    # The report shows them too, the new one first.
    page = (tmp_path / "nightly" / "report.html").read_text("utf-8")
    assert "<p class='lead' data-violations='3'>3 violations, <span class='warn'>1 new since the baseline</span>.</p>" in page
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td><code>([^<]*)</code></td><td>[^<]*</td><td>([^<]*)</td></tr>", page)
    assert rows[0] == ("no-credentials", "critical", "it/staging.env", "new")
    assert sorted(rows[1:]) == [("no-addresses-in-exports", "medium", "exports/list.csv", "accepted"),
                                ("no-credentials", "critical", "it/prod-old.env", "accepted")]


def test_a_baseline_of_another_key_is_refused_before_the_scan(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "prod.env").write_text(ENV, "utf-8")
    accepted = tmp_path / "accepted.json"
    assert night(tmp_path, root, "--write-baseline", str(accepted))[0] == 3
    other = tmp_path / "other"
    other.mkdir()
    status, output, _ = night(other, root, "--baseline", str(accepted), key=b"another key of 32 bytes, exactly")
    assert status == 2
    assert output == f"leakcensus: error: {accepted}: made with another key than this scan's; its findings cannot match\n"


def test_a_baseline_needs_a_policy(tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    (tmp_path / "share" / "a.txt").write_text("hello", "utf-8")
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "share"), "--out", str(tmp_path / "o"),
                                       "--baseline", str(tmp_path / "b.json")])
    assert (result.exit_code, result.output) == (2, "leakcensus: error: --baseline and --write-baseline need --policy\n")
