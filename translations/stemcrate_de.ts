<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message numerus="yes">
        <source>%n song(s) chosen. Separation arrives in a later version.</source>
        <translation>
            <numerusform>%n Song ausgewählt. Die Trennung kommt in einer späteren Version.</numerusform>
            <numerusform>%n Songs ausgewählt. Die Trennung kommt in einer späteren Version.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::MainWindow</name>
    <message>
        <source>Stemcrate</source>
        <translation>Stemcrate</translation>
    </message>
    <message>
        <source>Drop songs here</source>
        <translation>Songs hierher ziehen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Open Songs</source>
        <translation>Songs öffnen</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;All files (*)</source>
        <translation>Audiodateien (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;Alle Dateien (*)</translation>
    </message>
</context>
</TS>
