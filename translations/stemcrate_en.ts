<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ProjectFitController</name>
    <message numerus="yes">
        <source>+%n semitone(s)</source>
        <comment>a shift up</comment>
        <translation>
            <numerusform>+%n semitone</numerusform>
            <numerusform>+%n semitones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-%n semitone(s)</source>
        <comment>a shift down</comment>
        <translation>
            <numerusform>-%n semitone</numerusform>
            <numerusform>-%n semitones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate-cli</name>
    <message numerus="yes">
        <source>found %n slice(s), more than the 92 keys from C1 up</source>
        <translation>
            <numerusform>found %n slice, more than the 92 keys from C1 up</numerusform>
            <numerusform>found %n slices, more than the 92 keys from C1 up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ChopPanel</name>
    <message numerus="yes">
        <source>%n slice(s): keys 1-9 and 0 or the pads play them.</source>
        <translation>
            <numerusform>%n slice: key 1 or the pads play it.</numerusform>
            <numerusform>%n slices: keys 1-9 and 0 or the pads play them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::EngineLabel</name>
    <message numerus="yes">
        <source>CPU, %n thread(s), %1</source>
        <translation>
            <numerusform>CPU, %n thread, %1</numerusform>
            <numerusform>CPU, %n threads, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::FindSamplesPanel</name>
    <message numerus="yes">
        <source>%1 · %n bar(s) · %2 BPM</source>
        <translation>
            <numerusform>%1 · %n bar · %2 BPM</numerusform>
            <numerusform>%1 · %n bars · %2 BPM</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) so far (separating…)</source>
        <translation>
            <numerusform>%n suggestion so far (separating…)</numerusform>
            <numerusform>%n suggestions so far (separating…)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::KitPanel</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <comment>one-shots found in the drum stem</comment>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <comment>groups of similar hits</comment>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryPanel</name>
    <message numerus="yes">
        <source>%n sample(s) most like &apos;%1&apos;</source>
        <translation>
            <numerusform>%n sample most like &apos;%1&apos;</numerusform>
            <numerusform>%n samples most like &apos;%1&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sample(s)</source>
        <translation>
            <numerusform>%1 of %n sample</numerusform>
            <numerusform>%1 of %n samples</numerusform>
        </translation>
    </message>
</context>
</TS>
