#pragma once
// Internal: aubio objects in std::unique_ptr with their deleters, so no analyser leaks one on an early
// return. Only .cpp files of core/analysis include this (aubio stays out of the public headers).

#include <aubio/aubio.h>
// The peak picker is outside aubio.h's stable set but exported and unchanged since aubio 0.4.0; it is what
// aubio_onset uses, here run on the envelope that tempo estimation shares.
#include <aubio/onset/peakpicker.h>

#include <memory>

namespace stemcrate::analysis::aubio {

struct FvecDeleter
{
    void operator()(fvec_t* p) const { del_fvec(p); }
};
struct CvecDeleter
{
    void operator()(cvec_t* p) const { del_cvec(p); }
};
struct FftDeleter
{
    void operator()(aubio_fft_t* p) const { del_aubio_fft(p); }
};
struct PeakPickerDeleter
{
    void operator()(aubio_peakpicker_t* p) const { del_aubio_peakpicker(p); }
};

using Fvec = std::unique_ptr<fvec_t, FvecDeleter>;
using Cvec = std::unique_ptr<cvec_t, CvecDeleter>;
using Fft = std::unique_ptr<aubio_fft_t, FftDeleter>;
using PeakPicker = std::unique_ptr<aubio_peakpicker_t, PeakPickerDeleter>;

} // namespace stemcrate::analysis::aubio
