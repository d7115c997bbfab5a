"""Open user-named files safely: regular files only, bounded in size, names as UTF-8 text.

A FIFO, socket or device given as an input, a dictionary or a config file would make a
plain `open` or `read` wait forever or read without end; these helpers refuse them with
an `OSError` whose `strerror` says what the path is. File names that are not valid UTF-8
reach Python with lone surrogates; `path_text` spells those bytes as `\\xNN`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

NOT_REGULAR = "not a regular file"


def path_text(path: Path | str) -> str:
    """Return `path` as text that encodes to UTF-8: bytes of another encoding as \\\\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def open_regular(path: Path | str) -> BinaryIO:
    """Open `path` for reading in binary mode, refusing anything but a regular file.

    The file is opened without blocking, so a FIFO with no writer cannot hang the open,
    and checked on the open descriptor, so it cannot be swapped after the check.

    Raises:
        OSError: The file cannot be opened, or is a FIFO, socket, device or directory
            (`strerror` "not a regular file but a FIFO (named pipe)" and so on).
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, f"{NOT_REGULAR} but {file_kind(mode)}")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_regular(path: Path | str, limit: int) -> bytes:
    """Return the bytes of the regular file `path`, refusing one of more than `limit` bytes.

    Raises:
        OSError: As `open_regular`, or EFBIG when the file is over `limit` bytes.
    """
    with open_regular(path) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"over the limit of {limit:,} bytes")
    return data


def file_kind(mode: int) -> str:
    """Return what a non-regular file mode is, in words."""
    kinds = (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")
