/*
 * Wrong usage of the command line: a typed error that main turns into exit status 2 with the
 * usage text, so that bad input (status 1) and bad usage are told apart.
 */

export const USAGE = `Usage:
  synopsis import FILE [--format formex|xhtml|akn|text] [--out FILE.akn.xml|FILE.txt|FILE.html|FILE.json] [--json]
  synopsis compare A B [C ...] [--names "Commission,Parliament,Council,Compromise"] [--ref N] [--overrides FILE.json]
                   [--out FILE.html|FILE.docx|FILE.json] [--json]
  synopsis serve
  synopsis user add USERNAME --name NAME --organisation ORGANISATION   (the password on standard input)
  synopsis user password USERNAME   (the new password on standard input)
  synopsis demo [--out DIR]

  import   reads an act (Formex 3/4 XML or EUR-Lex zip package, EUR-Lex XHTML, Akoma Ntoso 3.0,
           plain text with numbered lines), prints a summary and writes the output chosen by --out;
           --json prints the document as JSON to stdout instead of the summary
  compare  aligns two to six versions of an act provision by provision and diffs their words against
           the reference column N (counted from 0; default 0); writes the table as printable HTML, a
           Word document or JSON, or prints the JSON with --json; --overrides takes alignment corrections from a file:
           {"overrides": [{"kind": "pin"|"separate", "a": {"version": N, "eId": "rec_6"}, "b": {...}}]},
           versions by column number as --ref; --names names the columns, a comma in a name written \\,
  serve    starts the server (settings from the environment, as the README lists them: PORT, HOST,
           DATA_DIR, SESSION_SECRET, SYNOPSIS_DEMO, LOG_LEVEL, SECURE_COOKIES, ALLOWED_HOSTS,
           MAX_UPLOAD_MB, IMPORT_MEMORY_MB, COMPARISON_MEMORY_MB) and prints its address
  user     adds an account to the data folder (DATA_DIR), for a server without the demonstration
           users, or sets a new password for one and ends its sessions: the password is the first
           line of standard input, at least 12 characters
  demo     reads the demonstration dual-use dossier and the ePrivacy texts shipped in fixtures/
           and writes each as HTML and Akoma Ntoso into DIR (default: data/demo)

Exit status: 0 success, 1 bad input, 2 wrong usage.`;

export class UsageError extends Error {
  override readonly name = "UsageError";
}
