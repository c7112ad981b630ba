#pragma once
// IndexFile: the library index on disk: a small binary file holding one SampleRecord per sample file.
//
// Layout (little-endian): "STEMCRATE-LIBRARY-INDEX" + NUL, u32 format version, the library folder, the
// feature extractor's id and version, u32 record count, then the records (strings as u32 length + UTF-8
// bytes; doubles as IEEE 754 bits; features as u32 count + floats). Written atomically with AtomicFile, so a
// crash leaves the previous index or the new one, never a mix.
//
// An index of another format version, folder or feature extractor reads as an error: the caller starts
// afresh (samples are read again); nothing is lost but time.
//
// Ownership: plain values. Threads: reentrant; call on a worker (disk). Units: bytes.
// Errors: "'<index path>': <reason>".

#include "common/Result.h"
#include "library/FeatureExtractor.h"
#include "library/SampleRecord.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stemcrate::library {

inline constexpr uint32_t kIndexFormatVersion = 2; // 2: records carry their ReadStage

Result<void> writeIndexFile(const std::string& indexPath, const std::string& folder,
                            const FeatureExtractor& features, const std::vector<SampleRecord>& records);

Result<std::vector<SampleRecord>> readIndexFile(const std::string& indexPath, const std::string& folder,
                                                const FeatureExtractor& features);

} // namespace stemcrate::library
