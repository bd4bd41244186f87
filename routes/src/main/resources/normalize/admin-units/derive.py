#!/usr/bin/env python3
"""Derives the compact administrative-unit tables the gateway loads from the published source files.

Usage: python3 derive.py SOURCE_DIR [OUT_DIR]
SOURCE_DIR holds conversion-2025-07-01.csv, wards-before-2025-07-01.csv and
divisions-from-2025-07-01.json (see README.md for where they come from). OUT_DIR defaults to the
directory of this script. The output is deterministic: run it again and git shows no change.
"""
import csv
import json
import os
import re
import sys
from collections import defaultdict

CODE_IN_NAME = re.compile(r"^\s*(.*?)\s*\((\d+)\)\s*$")


def name_and_code(cell):
    m = CODE_IN_NAME.match(cell)
    return (m.group(1), m.group(2)) if m else (cell.strip(), "")


def clean(s):
    return " ".join(s.split())


def main(src, out):
    with open(os.path.join(src, "conversion-2025-07-01.csv"), encoding="utf-8") as f:
        rows = [r for r in list(csv.reader(f))[2:] if len(r) >= 8 and r[2].strip()]
    with open(os.path.join(src, "wards-before-2025-07-01.csv"), encoding="utf-8") as f:
        ward_rows = list(csv.reader(f))[1:]
    wards = {r[5]: r for r in ward_rows if r[5]}
    # districts without communes (island districts) appear with an empty commune code
    districts = {r[3]: (r[1], r[2]) for r in ward_rows}
    with open(os.path.join(src, "divisions-from-2025-07-01.json"), encoding="utf-8") as f:
        divisions = {"%05d" % d["code"]: d for d in json.load(f)}

    current_provinces = {}
    commune_province = {}
    former_communes = {}
    former_districts = {}
    former_provinces = {}
    for r in rows:
        new_province, new_province_code = name_and_code(r[0])
        new_code = r[2].strip()
        current_provinces[new_province_code] = new_province
        commune_province[new_code] = new_province_code
        district_name, district_code = name_and_code(r[6])
        province_name, province_code = name_and_code(r[7])
        if district_code in districts:
            province_code = districts[district_code][0]
        old_code = r[4].strip()
        if old_code in wards:
            # the list of communes before the change is the authority for where an old commune was
            w = wards[old_code]
            province_name, province_code, district_name, district_code, old_name = w[0], w[1], w[2], w[3], w[4]
        else:
            old_name = clean(r[3])
        if old_code:
            entry = former_communes.setdefault(old_code, [province_code, district_code, clean(old_name), []])
            if new_code not in entry[3]:
                entry[3].append(new_code)
        if district_code:
            d_province, d_name = districts.get(district_code, (province_code, district_name))
            d = former_districts.setdefault(district_code, [d_province, clean(d_name), []])
            if new_code not in d[2]:
                d[2].append(new_code)
        if province_code:
            former_provinces.setdefault(province_code, [clean(province_name), set()])[1].add(new_province_code)

    for code, (name, successors) in former_provinces.items():
        if len(successors) != 1:
            sys.exit("former province %s (%s) has successors %s" % (code, name, sorted(successors)))
    # divisions-from-2025-07-01.json is the list of communes in force: its spelling is the official one
    missing = set(divisions) ^ set(commune_province)
    if missing:
        sys.exit("communes in one source but not the other: %s" % sorted(missing))

    def write(name, header, lines):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(header)
            for line in lines:
                f.write("\t".join(line) + "\n")

    write("provinces.tsv",
          "# era\tcode\tname\tsuccessor (former provinces: the province in force that took it over)\n",
          [("current", c, current_provinces[c], "") for c in sorted(current_provinces)]
          + [("former", c, n, next(iter(s))) for c, (n, s) in sorted(former_provinces.items())])
    write("communes.tsv",
          "# communes in force since 1 July 2025: code\tprovince\tname\n",
          [(c, commune_province[c], clean(divisions[c]["name"])) for c in sorted(divisions)])
    write("former-communes.tsv",
          "# communes before 1 July 2025: code\tprovince\tdistrict\tname\tcommunes in force (more than one: split)\n",
          [(c, p, d, n, ",".join(sorted(new))) for c, (p, d, n, new) in sorted(former_communes.items())])
    write("former-districts.tsv",
          "# districts before 1 July 2025: code\tprovince\tname\tcommunes in force covering it\n",
          [(c, p, n, ",".join(sorted(new))) for c, (p, n, new) in sorted(former_districts.items())])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__)))
