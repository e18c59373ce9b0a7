# Writes authored.fods: the framework of authored-csv/ as a LibreOffice flat spreadsheet, with the
# habits real workbooks have (see README.md). Convert: soffice --headless --convert-to xlsx authored.fods
import csv, glob, html

def cell(v, style=None, kind=None, formula=None, rows=None):
    a = ''
    if style: a += f' table:style-name="{style}"'
    if formula: a += f' table:formula="{html.escape(formula)}"'
    if rows: a += f' table:number-rows-spanned="{rows}" table:number-columns-spanned="1"'
    if v is None or v == '':
        return f'<table:table-cell{a}/>'
    if kind == 'float':
        return f'<table:table-cell{a} office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    if kind == 'date':
        return f'<table:table-cell{a} office:value-type="date" office:date-value="{v}"><text:p>{v}</text:p></table:table-cell>'
    return f'<table:table-cell{a} office:value-type="string"><text:p>{html.escape(v)}</text:p></table:table-cell>'

def read(name):
    with open(glob.glob(f'authored-csv/* - {name}.csv')[0], newline='', encoding='utf-8') as f:
        return list(csv.reader(f))

def row(cells, style=None):
    s = f' table:style-name="{style}"' if style else ''
    return f'<table:table-row{s}>' + ''.join(cells) + '</table:table-row>'

sheets = []
# CF Doc: dates as date cells, headers in other case and spacing.
doc = read('CF Doc')
hdr = [h[0].upper() + h[1:] if i % 2 else h for i, h in enumerate(doc[0])]
vals = []
for h, v in zip(doc[0], doc[1]):
    vals.append(cell(v, 'date', 'date') if h in ('lastChangeDate', 'statusStartDate') and v else cell(v))
sheets.append(('CF Doc', None, [row([cell(h) for h in hdr]), row(vals)]))

# CF Item: columns in another order, "Full Statement" spelled with a space, smartLevel typed as numbers
# (1.1 in General, 1.10 in a 0.00 format), a statement from a formula, CFItemType merged over two rows,
# one hidden row, and 3000 formatted empty rows at the end.
items = read('CF Item')
head = items[0]
order = ['Full Statement' if h == 'fullStatement' else h for h in head]
rows = [row([cell(h) for h in order])]
for r in items[1:]:
    level, code, stmt, typ, edu, notes, page = r
    cs = []
    if level == '1.1': cs.append(cell('1.1', None, 'float'))
    elif level == '1.10': cs.append(cell('1.1', 'two', 'float'))
    else: cs.append(cell(level))
    cs.append(cell(code))
    if code == 'DAF-2.2.1':
        cs.append(cell(stmt, formula='of:="Compute the median and "&"interquartile range of a numeric column"'))
    else:
        cs.append(cell(stmt))
    if code == 'DAF-1.1': cs.append(cell(typ, rows=2))
    elif code == 'DAF-1.2': cs.append('<table:covered-table-cell/>')
    else: cs.append(cell(typ))
    cs += [cell(edu), cell(notes), cell(page)]
    rows.append(row(cs, 'hidden' if code == 'DAF-2.2.1' else None))
rows.append('<table:table-row table:number-rows-repeated="3000"><table:table-cell table:style-name="yellow" table:number-columns-repeated="7"/></table:table-row>')
sheets.append(('CF Item', None, rows))

# CF Association: a hidden sheet.
assoc = read('CF Association')
sheets.append(('CF Association', 'hiddensheet', [row([cell(v) for v in r]) for r in assoc]))
sheets.append(('Notes', None, [row([cell('Written in LibreOffice from the CSV files of authored-csv/.')])]))

out = ['<?xml version="1.0" encoding="UTF-8"?>',
 '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
 'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
 'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
 'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
 'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
 '<office:automatic-styles>',
 '<number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>',
 '<number:date-style style:name="D1"><number:day/><number:text>/</number:text><number:month/><number:text>/</number:text><number:year number:style="long"/></number:date-style>',
 '<style:style style:name="two" style:family="table-cell" style:data-style-name="N2"/>',
 '<style:style style:name="date" style:family="table-cell" style:data-style-name="D1"/>',
 '<style:style style:name="yellow" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffff00"/></style:style>',
 '<style:style style:name="hidden" style:family="table-row"><style:table-row-properties fo:break-before="auto"/></style:style>',
 '<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>',
 '<style:style style:name="hiddensheet" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false"/></style:style>',
 '</office:automatic-styles>', '<office:body><office:spreadsheet>']
for name, style, rows in sheets:
    out.append(f'<table:table table:name="{name}" table:style-name="{style or "ta1"}">')
    out.append('<table:table-column table:number-columns-repeated="20"/>')
    out.extend(r.replace('<table:table-row table:style-name="hidden">', '<table:table-row table:visibility="collapse">') for r in rows)
    out.append('</table:table>')
out.append('</office:spreadsheet></office:body></office:document>')
open('authored.fods', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
