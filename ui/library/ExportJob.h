#pragma once
// ExportJob: one sample export the GUI asked for, as core's library::ExportRequest (which does the cutting,
// mixing, fades, loop chunk, tags, naming and never-overwriting placement) plus shared ownership of the
// buffers that request points at, so the song may be closed while a worker runs the job.
//
// Ownership: a value; copies share the buffers. Threads: built on the GUI thread; run() on any one thread
// (SampleExportService's worker, or the GUI thread for drag-out). Units: frames at kEngineSampleRate,
// gains linear, milliseconds for fades.

#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "library/ExportOptions.h"
#include "library/SampleExporter.h" // core's

#include <QString>

#include <memory>
#include <vector>

namespace stemcrate::ui {

class ExportJob
{
public:
    // The dialog's options in core's terms: format, bit depth, fades and loop map 1:1.
    static library::ExportOptions coreOptions(const ExportOptions& options);
    // The dialog's template in core's tokens: {song} (the GUI's older name) becomes {source}.
    static std::string coreNameTemplate(const QString& nameTemplate);

    // Frames [startFrame, endFrame) of the sources added next, into options.folder.
    ExportJob(const ExportOptions& options, library::SampleMetadata metadata, int64_t startFrame,
              int64_t endFrame);

    // One more buffer of the mix with its gain (0 for a muted lane, or one not soloed while another is).
    // All sources share channels, rate and length (core checks). `buffer` may alias a StemSet's storage.
    void addSource(std::shared_ptr<const AudioBuffer> buffer, float gain);

    const library::ExportRequest& request() const { return m_request; }

    // Writes the file through library::exportSample; its path, or why not. Blocks (writes and fsyncs).
    Result<QString> run() const;

private:
    library::ExportRequest m_request;
    std::vector<std::shared_ptr<const AudioBuffer>> m_sources; // keep m_request.stems alive
};

} // namespace stemcrate::ui
