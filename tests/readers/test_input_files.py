"""Problems with whole files, the same whatever their format."""

import os
import socket

import pytest

from petrel.errors import Problem
from petrel.readers import ReadOptions

PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.html", "empty.json"])
def test_empty_or_blank_file_is_reported_as_empty(read_inputs, write_file, name):
    zero = write_file(name, b"")
    blank = write_file("blank-" + name, b" \n\r\n\t")
    result = read_inputs(zero, blank)
    assert result.where() == [(str(zero), None, Problem.EMPTY), (str(blank), None, Problem.EMPTY)]
    assert str(result.problems[0]) == f"{zero}: skipped: file is empty"


def test_binary_file_is_reported_and_the_batch_goes_on(read_inputs, write_file):
    image = write_file("photo.txt", PNG_START)
    story = write_file("story.txt", "The talks collapsed.")
    result = read_inputs(image, story)
    assert result.texts == ["The talks collapsed."]
    assert result.where() == [(str(image), None, Problem.BINARY)]


def test_invalid_utf8_file_names_the_offset_of_the_first_bad_byte(read_inputs, write_file):
    path = write_file("latin1.txt", "Réunion à Genève".encode("latin-1"))
    result = read_inputs(path)
    assert result.where() == [(str(path), None, Problem.ENCODING)]
    assert "first bad byte at offset 1" in str(result.problems[0])


def test_utf16_file_is_an_encoding_problem_not_a_binary_one(read_inputs, write_file):
    path = write_file("utf16.txt", "Hello".encode("utf-16"))
    assert read_inputs(path).where() == [(str(path), None, Problem.ENCODING)]


@pytest.mark.parametrize("name", ["big.txt", "big.jsonl", "big.csv"])
def test_file_over_the_size_limit_is_skipped_whatever_its_format(read_inputs, write_file, name):
    path = write_file(name, "text\n" + "x" * 200)
    result = read_inputs(path, options=ReadOptions(max_bytes=100))
    assert result.articles == []
    assert result.where() == [(str(path), None, Problem.TOO_LARGE)]
    assert "size limit (100 bytes)" in str(result.problems[0])


def test_nonexistent_path_is_reported_and_the_batch_goes_on(read_inputs, write_file, tmp_path):
    missing = tmp_path / "missing.jsonl"
    story = write_file("story.txt", "Shelling resumed.")
    result = read_inputs(missing, story)
    assert result.texts == ["Shelling resumed."]
    assert result.where() == [(str(missing), None, Problem.NOT_FOUND)]


def test_fifo_is_unreadable_and_does_not_block(read_inputs, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_inputs(fifo).where() == [(str(fifo), None, Problem.UNREADABLE)]


def test_socket_is_unreadable(read_inputs, tmp_path):
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert read_inputs(path).where() == [(str(path), None, Problem.UNREADABLE)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file whatever its permissions")
def test_file_without_read_permission_is_unreadable(read_inputs, write_file):
    path = write_file("secret.txt", "Classified.")
    path.chmod(0)
    try:
        assert read_inputs(path).where() == [(str(path), None, Problem.UNREADABLE)]
    finally:
        path.chmod(0o644)


def test_each_problem_is_reported_exactly_once_in_a_mixed_batch(read_inputs, write_file, tmp_path):
    paths = [
        write_file("a.jsonl", '{"text": "ok"}\n{bad\n'),
        write_file("b.txt", b""),
        tmp_path / "c.txt",
        write_file("d.csv", "text\n\n"),
    ]
    result = read_inputs(*paths)
    assert result.texts == ["ok"]
    assert result.where() == [
        (str(paths[0]), 2, Problem.BAD_JSON),
        (str(paths[1]), None, Problem.EMPTY),
        (str(paths[2]), None, Problem.NOT_FOUND),
    ]
