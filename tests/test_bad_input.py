"""Broken, empty, encrypted and mislabelled files: a clear ReadError, never a crash,
and the input file is left exactly as it was."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import make_fixtures as mf
import pytest

from kommlint.readers import ReaderOptions, ReadError, read

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


EXPECTED = {
    "empty_pdf": "empty",
    "empty_docx": "empty",
    "empty_png": "empty",
    "empty_txt": "empty",
    "truncated_pdf": "corrupt",
    "garbage_pdf": "corrupt",
    "mislabelled_pdf": "mislabelled",
    "mislabelled_docx": "mislabelled",
    "mislabelled_txt": "mislabelled",
    "mislabelled_png": "mislabelled",
    "encrypted_pdf": "encrypted",
    "encrypted_docx": "encrypted",
    "corrupt_docx": "corrupt",
    "notzip_docx": "corrupt",
    "truncated_docx": "corrupt",
    "notword_docx": "mislabelled",
    "corrupt_png": "corrupt",
    "truncated_png": "corrupt",
    "directory_pdf": "unreadable",
}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    return mf.make_bad_inputs(tmp_path_factory.mktemp("bad"))


def _digest(path: Path) -> tuple[str, int] | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_every_bad_kind_is_covered(bad_files) -> None:
    assert set(bad_files) == set(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_bad_input_gives_a_read_error(bad_files, key: str) -> None:
    path = bad_files[key]
    before = _digest(path)
    with pytest.raises(ReadError) as caught:
        read(path, ReaderOptions(ocr=False))
    error = caught.value
    assert error.code == EXPECTED[key]
    assert error.message and error.message_en and error.message != error.message_en
    assert error.message.endswith((".", ")")) and not error.message.startswith("The ")
    assert _digest(path) == before


def test_the_committed_broken_fixtures() -> None:
    for name, code in (("trasig.pdf", "corrupt"), ("krypterad.pdf", "encrypted")):
        with pytest.raises(ReadError) as caught:
            read(FIXTURES / "trasiga" / name)
        assert caught.value.code == code


def test_mislabelled_message_names_both_formats(bad_files) -> None:
    with pytest.raises(ReadError) as caught:
        read(bad_files["mislabelled_pdf"])
    assert caught.value.message == "Filen heter .pdf men innehållet är en PNG-bild."
    assert caught.value.message_en == "The file is named .pdf but its content is a PNG image."
    with pytest.raises(ReadError) as caught:
        read(bad_files["mislabelled_docx"])
    assert caught.value.message == "Filen heter .docx men innehållet är en PDF-fil."


def test_encrypted_pdf_message_is_swedish(bad_files) -> None:
    with pytest.raises(ReadError) as caught:
        read(bad_files["encrypted_pdf"])
    assert "lösenordsskyddad" in caught.value.message


def test_missing_file_and_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read(tmp_path / "finns-inte.pdf")
    assert caught.value.code == "not_found" and "finns inte" in caught.value.message
    (tmp_path / "bild.bmp").write_bytes(b"BM")
    with pytest.raises(ReadError) as caught:
        read(tmp_path / "bild.bmp")
    assert caught.value.code == "unsupported"


def test_reading_the_good_fixtures_changes_nothing() -> None:
    names = ("broschyr.pdf", "brev.docx", "affisch.png")
    before = {name: _digest(FIXTURES / name) for name in names}
    for name in names:
        document = read(FIXTURES / name, ReaderOptions(ocr=False))
        for image in document.images:
            image.load()
        if document.pages and name.endswith(".pdf"):
            document.pages[0].render(50)
    assert {name: _digest(FIXTURES / name) for name in names} == before


def test_import_of_the_readers_package_stays_cheap() -> None:
    import subprocess

    code = (
        "import sys, kommlint.readers; "
        "print(sorted(m for m in ('PIL', 'pypdfium2', 'docx', 'pypdf') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
