"""Bad text: password files in Latin-1, with a byte-order mark, or with an accent
typed as a letter and a combining mark; a lone surrogate in a name. Each is a
clear one-line message (exit 2) or simply works; nothing is saved half-way."""

from __future__ import annotations

import unicodedata

import pytest

from idcheck.checklist import Answer
from idcheck.store import AnswerContext, CaseDetails, InvalidInput, Store

PASSWORD = "correct horse battery"
ACCENTED = "café crème brûlée"  # é, è, û


def _pw(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_a_latin1_password_file_is_a_clear_message(data_dir, tmp_path, cli):
    p = _pw(tmp_path, "pw-latin1", (ACCENTED + "\n").encode("latin-1"))
    r = cli("db", "verify", "--user", "anna", "--password-file", str(p), data_dir=data_dir)
    assert r.returncode == 2, r.stderr
    assert "not UTF-8 text" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_a_byte_order_mark_is_not_part_of_the_password(data_dir, tmp_path, cli):
    p = _pw(tmp_path, "pw-bom", b"\xef\xbb\xbf" + (PASSWORD + "\r\n").encode())
    r = cli("db", "verify", "--user", "anna", "--password-file", str(p), data_dir=data_dir)
    assert r.returncode == 0, r.stderr


def test_an_empty_password_file(data_dir, tmp_path, cli):
    p = _pw(tmp_path, "pw-empty", b"")
    r = cli("db", "verify", "--user", "anna", "--password-file", str(p), data_dir=data_dir)
    assert r.returncode == 2 and "first line is empty" in r.stderr, r.stderr


@pytest.mark.parametrize(("set_form", "typed_form"), [("NFC", "NFD"), ("NFD", "NFC")])
def test_an_accent_typed_either_way_is_the_same_password(tmp_path, cli, set_form, typed_form):
    data = tmp_path / "data"
    setp = _pw(tmp_path, "set", (unicodedata.normalize(set_form, ACCENTED) + "\n").encode())
    typed = _pw(tmp_path, "typed", (unicodedata.normalize(typed_form, ACCENTED) + "\n").encode())
    assert setp.read_bytes() != typed.read_bytes()
    r = cli("init", "--user", "anna", "--password-file", str(setp), data_dir=data)
    assert r.returncode == 0, r.stderr
    r = cli("db", "verify", "--user", "anna", "--password-file", str(typed), data_dir=data)
    assert r.returncode == 0, r.stderr


def test_changing_to_a_decomposed_password_then_typing_it_composed(data_dir):
    with Store.open(data_dir, "anna", PASSWORD) as s:
        s.set_password(PASSWORD, unicodedata.normalize("NFD", ACCENTED))
    with Store.open(data_dir, "anna", unicodedata.normalize("NFC", ACCENTED)) as s:
        assert s.user.username == "anna"


def test_a_lone_surrogate_in_a_name_is_refused(data_dir):
    with Store.open(data_dir, "anna", PASSWORD) as s:
        with pytest.raises(InvalidInput, match="lone surrogate"):
            s.create_case(CaseDetails(reference="R-1", given_name="Ami\ud800ra"))
        with pytest.raises(InvalidInput, match="lone surrogate"):
            s.create_case(CaseDetails(reference="R\udc80"))
        with pytest.raises(InvalidInput):
            s.add_user("b\ud800n", "worker password 1", "worker")
        with pytest.raises(InvalidInput, match="lone surrogate"):
            s.add_user("carl", "worker pass\ud800word", "worker")
        cid = s.create_case(CaseDetails(reference="R-2"))
        rows = len(s.list_cases())
        sid = s.start_screening(cid, *_intake())
        with pytest.raises(InvalidInput, match="lone surrogate"):
            s.record_answer(
                sid, "debt", Answer(value="yes"), AnswerContext(child_words="I owe \udfff")
            )
        assert len(s.list_cases()) == rows
        assert s.verify().ok


def test_a_lone_surrogate_in_an_answers_file(data_dir, pwfile, tmp_path, cli):
    answers = tmp_path / "a.yaml"
    answers.write_text(
        'checklist: intake-screen\ncase:\n  given_name: "Ami\\ud800ra"\nanswers: {}\n'
    )
    r = cli(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(answers),
        "--case",
        "S-1",
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=data_dir,
    )
    assert r.returncode == 2, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def _intake():
    import hashlib

    from idcheck.checklist import find, load_checklist_bytes

    text = find("intake-screen").path.read_bytes()
    return load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest()
