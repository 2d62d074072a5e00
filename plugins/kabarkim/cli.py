"""The `kim` command: one entry point for KIM members and the operator.

  kim check                     validate all content (Indonesian messages)
  kim new berita --kim SLUG "Judul"   scaffold a story (also: produk, program)
  kim fetch [--sources FILE] [--archive DIR] [--strict]   import feeds into the archive
"""

import argparse
import sys
from pathlib import Path

from pelican.settings import read_settings

from kabarkim.content import checks, scaffold


def load_settings(config: str) -> dict:
    return read_settings(config) if Path(config).is_file() else read_settings(None)


def cmd_check(args) -> int:
    settings = load_settings(args.settings)
    content = Path(args.content or settings["PATH"])
    problems = checks.check_content(content, settings)
    if problems:
        print(checks.report(problems))
    else:
        print(f"Semua isi di {content} lolos pemeriksaan.")
    return 1 if checks.errors(problems) else 0


def cmd_new(args) -> int:
    settings = load_settings(args.settings)
    content = Path(args.content or settings["PATH"])
    try:
        path = scaffold.new_content(content, args.kind, args.kim, args.title,
                                    settings.get("STORY_CATEGORIES", []))
    except scaffold.ScaffoldError as exc:
        print(f"GALAT: {exc}", file=sys.stderr)
        return 1
    print(f"Berkas baru: {path}\nIsi setiap baris di dalamnya, lalu jalankan `kim check`.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kim", description="Kabar KIM: periksa, buat, dan ambil isi situs.")
    parser.add_argument("--settings", default="pelicanconf.py", help="berkas pengaturan Pelican")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="periksa semua isi (berita, produk, program, profil)")
    check.add_argument("--content", help="folder isi (bawaan: PATH di pengaturan)")
    check.set_defaults(func=cmd_check)

    new = sub.add_parser("new", help="buat berkas isi baru dari templat")
    new.add_argument("kind", choices=scaffold.KINDS, help="jenis isi")
    new.add_argument("title", help="judul, dalam tanda kutip")
    new.add_argument("--kim", required=True, help="slug KIM, yaitu nama foldernya di content/kim/")
    new.add_argument("--content", help="folder isi (bawaan: PATH di pengaturan)")
    new.set_defaults(func=cmd_new)

    # kabar (issue 3): kim fetch [--sources FILE] [--archive DIR] [--strict]
    from kabarkim.kabar.fetch import add_fetch_parser
    add_fetch_parser(sub)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
