"""The README says what the demo really does (issue 13 item 13): every account it names is
one the demo creates and prints, it shows how to run the demo on another port, and it says
which role drafts the annual report."""

import re
from pathlib import Path

from fazhi.core import demo as demo_data
from fazhi.core.management.commands.demo import Command
from fazhi.core.roles import Role

README = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
ACCOUNT = r"\b(?:(?:donghu|xishan|nanqiao|city)_[a-z]+|admin)\b"


def test_every_account_the_readme_names_is_printed_and_created(demo):
    named = set(re.findall(f"`({ACCOUNT})`", README))
    assert {"donghu_officer", "donghu_reviewer", "donghu_inspector", "admin"} <= named
    printed = set(re.findall(ACCOUNT, demo_data.DEMO_ACCOUNTS_HELP))
    assert named <= printed, named - printed
    assert named - {"admin"} <= set(demo.users)
    # and what is printed exists
    assert printed - {"admin"} <= set(demo.users)


def test_the_readme_shows_the_demo_on_another_port():
    example = re.search(r"`\./dev demo (\d+\.\d+\.\d+\.\d+:\d+)`", README)
    assert example is not None
    options = Command().create_parser("fazhi", "demo").parse_args([example.group(1)])
    assert options.addrport == example.group(1) != "127.0.0.1:8000"


def test_the_readme_says_which_role_drafts_the_annual_report():
    paragraph = next(p for p in README.split("\n\n") if "annual report" in p and "drafted by" in p)
    assert f"drafted by a {Role.OFFICER.label}" in paragraph
    assert Role.REVIEWER.label in paragraph and Role.LEADER.label in paragraph
