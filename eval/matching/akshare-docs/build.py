#!/usr/bin/env python3
"""Builds pairs.jsonl from the data examples in AKShare's documentation (see SOURCE.md).

Every name is copied from a field of a printed exchange / data-vendor result; the pair's label
follows from the table it stands in (a listed company's full and short name, a full-name change,
a branch whose registered name embeds its parent's, a listed firm and its controlling group).
Usage: python3 build.py <akshare git dir> <commit> > pairs.jsonl
"""
import itertools
import json
import re
import subprocess
import sys

GIT, COMMIT = sys.argv[1], sys.argv[2]
DOCS = ["docs/data/stock/stock.md", "docs/data/fund/fund_public.md", "docs/data/fund/fund_private.md",
        "docs/data/bond/bond.md", "docs/data/index/index.md"]
LEGAL = r"(?:股份有限公司|有限责任公司|有限公司)"
BRANCH = r"(?:分公司|证券营业部|营业部|分行|支行)"
BOARDS = {"主板", "科创板", "创业板", "北交所", "中小板"}


def show(path):
    out = subprocess.run(["git", "-C", GIT, "show", f"{COMMIT}:{path}"], capture_output=True, text=True)
    return out.stdout.splitlines() if out.returncode == 0 else []


pairs, seen = [], set()


def add(a, b, same, kind, where):
    key = (a["name"], b["name"])
    if a["name"] == b["name"] or key in seen or key[::-1] in seen:
        return
    seen.add(key)
    pairs.append({"a": a, "b": b, "same": same, "kind": kind,
                  "source": f"akfamily/akshare@{COMMIT[:12]}:{where}"})


def legal_stem(name):
    return re.sub(LEGAL + "$", "", name)


stock = show(DOCS[0])
section = ""
xq = {}
registered = {}  # distinct registered names per table (one row = one firm)
for no, line in enumerate(stock, 1):
    if line.startswith("接口："):
        section = line[3:].strip()
    where = f"{DOCS[0]}#L{no} ({section})"
    # 证券代码 证券简称 公司全称 上市日期 (stock_info_sh_name_code)
    m = re.match(r"^\s*\d+\s+(\d{6})\s+(\S+)\s+(\S+" + LEGAL + r")\s+\d{4}-\d{2}-\d{2}\s*$", line)
    if m:
        add({"name": m[3]}, {"name": m[2]}, True, "short_name", where)
        registered.setdefault(section, set()).add(m[3])
        continue
    # 序号 企业名称 股票简称 ... (stock_ipo_review_em and similar)
    m = re.match(r"^\s*\d+\s+\d+\s+(\S+" + LEGAL + r")\s+(\S+)\s+\.\.\.", line)
    if m and re.fullmatch(r"[\u4e00-\u9fffA-Z*]{2,8}", m[2]) and m[2] not in BOARDS:
        add({"name": m[1]}, {"name": m[2]}, True, "short_name", where)
        registered.setdefault(section, set()).add(m[1])
        continue
    # 证券简称 机构名称 ... (stock_share_change_cninfo)
    m = re.match(r"^\s*\d+\s+(\S+)\s+(\S+" + LEGAL + r")\s+NaN", line)
    if m:
        add({"name": m[2]}, {"name": m[1]}, True, "short_name", where)
        continue
    # 变更日期 证券代码 证券简称 变更前全称 变更后全称 (stock_info_sz_change_name, 全称变更)
    m = re.match(r"^\s*\d+\s+\d{4}-\d{2}-\d{2}\s+(\d{6})\s+(.+?)\s+(\S+公司)\s+(\S+公司)\s*$", line)
    if m:
        add({"name": m[4]}, {"name": m[3]}, True, "former_name", where)
        registered.setdefault(section, set()).add(m[4])
        continue
    # stock_individual_basic_info_xq: org_name_cn / org_short_name_cn / org_name_en / pre_name_cn
    m = re.match(r"^\s*\d+\s+(org_name_cn|org_short_name_cn|org_name_en|pre_name_cn)\s+(.+?)\s*$", line)
    if m:
        xq[m[1]] = (m[2], where)
        if {"org_name_cn", "org_short_name_cn", "org_name_en", "pre_name_cn"} <= xq.keys():
            full = xq["org_name_cn"][0]
            if re.search(LEGAL + "$", full):
                add({"name": full}, {"name": xq["org_short_name_cn"][0]}, True, "short_name", where)
                add({"name": full}, {"name": xq["org_name_en"][0]}, True, "english_name", where)
                add({"name": full}, {"name": xq["pre_name_cn"][0]}, True, "former_name", where)
            xq = {}
        continue
    # 实际控制人 (stock_hold_control_cninfo): the listed firm's short name and its controlling group
    m = re.match(r"^\s*\d+\s+(\d{6})\s+(\S+)\s+\.\.\.\s+(.+?)\s+(单独控制|共同控制|一致行动人)\s*$", line)
    if m:
        for holder in m[3].split(";"):
            holder = holder.strip()
            if re.search(LEGAL + "$", holder) and holder[:2] == m[2][:2]:
                add({"name": m[2]}, {"name": holder}, False, "group", where)

# Branches: a branch's registered name is its parent's name followed by place and marker.
branches = {}
for path in DOCS:
    for no, line in enumerate(show(path), 1):
        for m in re.finditer(r"([\u4e00-\u9fff()（）]{2,}?" + LEGAL + r")([\u4e00-\u9fff]{2,}?" + BRANCH + r")(?![\u4e00-\u9fff])", line):
            parent, branch = m[1], m[1] + m[2]
            branches.setdefault(parent, {}).setdefault(branch, f"{path}#L{no}")
for parent, named in sorted(branches.items()):
    for branch, where in sorted(named.items()):
        add({"name": branch}, {"name": parent}, False, "branch", where)
    for (b1, w1), (b2, _) in itertools.islice(itertools.combinations(sorted(named.items()), 2), 3):
        add({"name": b1}, {"name": b2}, False, "sibling_branch", w1)

# Look-alikes: registered names of different firms in one table, or different parents of branches,
# that share a trade-name prefix or most characters. Names equal apart from the legal form
# (华泰证券有限责任公司 / 华泰证券股份有限公司) may be one firm before and after a conversion: left out.
def bigrams(s):
    return {s[i:i + 2] for i in range(len(s) - 1)}


def dice(a, b):
    x, y = bigrams(a), bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0


groups = list(registered.items()) + [("branch parents", set(branches))]
for label, names in groups:
    for a, b in itertools.combinations(sorted(names), 2):
        sa, sb = legal_stem(a), legal_stem(b)
        if sa == sb:
            continue
        if sa in sb or sb in sa:
            add({"name": a}, {"name": b}, False, "subsidiary", f"{label}: distinct rows")
        elif dice(sa, sb) >= 0.5 or sa[:3] == sb[:3]:
            add({"name": a}, {"name": b}, False, "one_word", f"{label}: distinct rows")

for p in pairs:
    print(json.dumps(p, ensure_ascii=False))
