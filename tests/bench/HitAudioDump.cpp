#include "HitAudioDump.h"

#include "analysis/MonoMix.h"
#include "mining/HitClassifier.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

namespace stemcrate::testing {

const mining::OneShot* nearestShot(const mining::OneShotResult& result, int64_t frame, int64_t toleranceFrames)
{
    const mining::OneShot* nearest = nullptr;
    for (const mining::OneShot& shot : result.hits)
        if (std::llabs(shot.hit.attackFrame - frame) <= toleranceFrames &&
            (!nearest || std::llabs(shot.hit.attackFrame - frame) < std::llabs(nearest->hit.attackFrame - frame)))
            nearest = &shot;
    return nearest;
}

void writeHitAudio(std::ostream& out, const AudioBuffer& audio, const mining::OneShot& shot, double featureSeconds,
                   int kit, mining::HitClass trueClass, bool inGroove)
{
    const mining::Hit& hit = shot.hit;
    const int64_t to = std::min(hit.endFrame, hit.attackFrame + static_cast<int64_t>(featureSeconds * audio.sampleRate));
    const std::vector<float> mono = analysis::monoMix(audio, hit.attackFrame, to);
    const std::vector<float> before =
        hit.attackFrame >= mining::kFeatureContextFrames
            ? analysis::monoMix(audio, hit.attackFrame - mining::kFeatureContextFrames, hit.attackFrame)
            : std::vector<float>{};
    const std::array<int32_t, 7> head = {kit,
                                         static_cast<int32_t>(trueClass),
                                         inGroove,
                                         hit.truncated,
                                         mining::looksTonal(shot.features),
                                         static_cast<int32_t>(before.size()),
                                         static_cast<int32_t>(mono.size())};
    const std::array<double, mining::kClassifierInputs> inputs = mining::classifierInputs(shot.features);
    out.write(reinterpret_cast<const char*>(head.data()), sizeof head);
    out.write(reinterpret_cast<const char*>(inputs.data()), sizeof inputs);
    out.write(reinterpret_cast<const char*>(before.data()), static_cast<std::streamsize>(before.size() * sizeof(float)));
    out.write(reinterpret_cast<const char*>(mono.data()), static_cast<std::streamsize>(mono.size() * sizeof(float)));
}

} // namespace stemcrate::testing
