#pragma once
// ExportJob: one sample export the GUI asked for, as core's library::ExportRequest (which does the cutting,
// mixing, fades, loop chunk, tags, naming and never-overwriting placement) plus shared ownership of the
// buffers that request points at, so the song may be closed while a worker runs the job.
//
// A job "as heard" carries a snapshot of the mixer instead of buffers: run() bounces the region (with a
// margin for zero-crossing snap and loop crossfades) through StemMixer::bounce, the renderer playback uses,
// and exports that.
//
// Ownership: a value; copies share the buffers. Threads: built on the GUI thread; run() on a worker
// (SampleExportService's), never the GUI thread. Units: frames at kEngineSampleRate, gains linear,
// milliseconds for fades.

#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "library/ExportOptions.h"
#include "library/SampleExporter.h" // core's

#include <QString>

#include <memory>
#include <vector>

namespace stemcrate::ui {

class StemMixer;

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

    // Instead of sources: the mixer's rendering of frames [fromFrame, toFrame) (which must cover the region
    // and the margins its options read), made on the worker. `mixer` is a snapshot nothing else changes.
    void setBounce(std::shared_ptr<const StemMixer> mixer, int64_t fromFrame, int64_t toFrame);

    const library::ExportRequest& request() const { return m_request; }

    // Hands over the job's references to the audio it reads (its sources, the bounce's mixer), for a worker
    // to let go: the last owner of a song's audio frees it, which belongs on a worker, never the GUI thread.
    // The job cannot run afterwards; what is left of it is what the GUI thread allocated for it.
    std::vector<std::shared_ptr<const void>> takeAudio();

    // Writes the file through library::exportSample; its path, or why not. Blocks (writes and fsyncs).
    Result<QString> run() const;

private:
    library::ExportRequest m_request;
    std::vector<std::shared_ptr<const AudioBuffer>> m_sources; // keep m_request.stems alive
    std::shared_ptr<const StemMixer> m_bounce;                 // as heard; null for plain sources
    int64_t m_bounceFrom = 0, m_bounceTo = 0;
};

} // namespace stemcrate::ui
