/* Converts the benchmark's canonical «отметки» CSV (`;`, UTF-8, no quotes) into a workbook
 * the way a spreadsheet saves it: dates and entry times as date cells, lesson numbers as
 * numbers, the rest as strings (inline with --inline: libxlsxwriter's constant-memory mode;
 * else shared strings). With N sheets, each holds the table again (up to Excel's 1,048,575
 * rows) for other groups («7-1» becomes «7-1/2» on the second sheet).
 * Build and run from scripts/bench-xlsx.sh:
 *   cc -O2 -o csv2xlsx csv2xlsx.c -lxlsxwriter && ./csv2xlsx in.csv out.xlsx [--inline] [sheets]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static int parse_date(const char *s, lxw_datetime *dt) {
    int d, m, y, hh = 0, mm = 0;
    int n = sscanf(s, "%d.%d.%d %d:%d", &d, &m, &y, &hh, &mm);
    if (n < 3) return 0;
    dt->year = y; dt->month = m; dt->day = d; dt->hour = hh; dt->min = mm; dt->sec = 0;
    return n;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: csv2xlsx in.csv out.xlsx [--inline] [max_rows]\n"); return 2; }
    int inl = argc > 3 && strcmp(argv[3], "--inline") == 0;
    int sheets = argc > 4 ? atoi(argv[4]) : (argc > 3 && !inl ? atoi(argv[3]) : 1);
    if (sheets < 1) sheets = 1;
    lxw_workbook_options options = {.constant_memory = inl, .tmpdir = NULL, .use_zip64 = 1};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd.mm.yyyy");
    lxw_format *stamp = workbook_add_format(wb);
    format_set_num_format(stamp, "dd.mm.yyyy hh:mm");
    for (int k = 1; k <= sheets; k++) {
    char name[32];
    snprintf(name, sizeof name, "Отметки %d", k);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 1; }
    char line[4096];
    long row = 0;
    while (fgets(line, sizeof line, in) && row <= 1048575) {
        line[strcspn(line, "\r\n")] = 0;
        int col = 0;
        for (char *f = line, *next; f; f = next, col++) {
            next = strchr(f, ';');
            if (next) *next++ = 0;
            lxw_datetime dt;
            if (row > 0 && (col == 2 || col == 7) && parse_date(f, &dt) >= 3)
                worksheet_write_datetime(ws, row, col, &dt, col == 2 ? date : stamp);
            else if (row > 0 && col == 3)
                worksheet_write_number(ws, row, col, atof(f), NULL);
            else if (row > 0 && col == 0 && k > 1) {
                char group[4200];
                snprintf(group, sizeof group, "%s/%d", f, k);
                worksheet_write_string(ws, row, col, group, NULL);
            }
            else
                worksheet_write_string(ws, row, col, f, NULL);
        }
        row++;
    }
    fclose(in);
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
