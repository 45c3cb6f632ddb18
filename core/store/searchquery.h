#pragma once
// What "search" means in Frontier Atlas: the one translation of what a user typed into a
// search box (the filter panel, the event table, `--filter text=`, `export-data --text`) into
// an FTS5 query over title, summary, place, actors and notes.

#include <QString>

namespace fa {

/// Turns what a user typed into an FTS5 query that cannot be a syntax error. Each word finds
/// the words it starts ("dron" finds "drone", "drones"); a "quoted phrase" finds exactly those
/// words in that order (while its closing quote is missing, its last word is a prefix too, as
/// the user is still typing it); OR between terms is kept (binding tighter than AND); every
/// other term must match. A trailing * is accepted (every word is a prefix already); the word
/// AND is dropped, and so are terms without a letter or digit. Empty when nothing searchable
/// is left, which matches nothing.
QString searchQuery(const QString& userText);

} // namespace fa
