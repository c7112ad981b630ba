#pragma once
// File names for exported samples: a template filled from the sample's fields, then made safe for every
// common file system (ext4, APFS, NTFS, exFAT/FAT32 on a USB stick, SMB shares).
//
// Pure functions on UTF-8 strings; any thread. Units: byte lengths of UTF-8 text.

#include <cstddef>
#include <map>
#include <string>

namespace stemcrate::library {

// Room left for " (NNNN)", the extension and AtomicFile's ".part-XXXXXX" under the usual 255-byte limit.
inline constexpr size_t kMaxFileNameBytes = 200;

// Fills `{field}` placeholders from `fields`, e.g. "{artist} - {title} - {stem} - {bpm}bpm {key}".
// Missing or empty fields collapse cleanly:
//  - a word (text between spaces) whose placeholders are all empty is dropped with its literal text, so
//    "{bpm}bpm" disappears when bpm is unknown;
//  - in a word with some placeholders filled, separators (- _ . , ;) left dangling at its ends are trimmed;
//  - separator-only words ("-", "_", "|", ...) are dropped at the ends and where they would repeat.
// Unknown placeholder names are kept as written, so a typo shows in the name. Runs of spaces become one.
std::string expandNameTemplate(const std::string& nameTemplate,
                               const std::map<std::string, std::string>& fields);

// Makes `name` (a single path component, without folder) valid everywhere, keeping Unicode:
//  - bytes that are not valid UTF-8 become '_'; control characters become spaces;
//  - / \ : * ? " < > | become '_';
//  - runs of whitespace become one space; leading spaces and trailing spaces and dots are removed;
//    a leading '.' becomes '_' (no hidden files, no "." or "..");
//  - cut to at most maxBytes bytes without splitting a UTF-8 code point;
//  - Windows device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9, any case, with or without an extension)
//    get a '_' appended to the part before the first dot.
// An empty result becomes "untitled".
std::string sanitizeFileName(const std::string& name, size_t maxBytes = kMaxFileNameBytes);

} // namespace stemcrate::library
