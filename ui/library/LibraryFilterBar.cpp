#include "library/LibraryFilterBar.h"

#include "library/CamelotKey.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>

namespace stemcrate::ui {
namespace {

constexpr int kTypingDebounceMs = 150;
constexpr int kMaxBpm = 300;

QSpinBox* bpmBox(const QString& anyText, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(0, kMaxBpm);
    box->setSpecialValueText(anyText); // 0 = no bound
    box->setSuffix(QStringLiteral(" BPM"));
    return box;
}

} // namespace

LibraryFilterBar::LibraryFilterBar(QWidget* parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setPlaceholderText(tr("Search name, stem, class, key, song…"));
    m_search->setClearButtonEnabled(true);

    m_minBpm = bpmBox(tr("any"), this);
    m_minBpm->setObjectName(QStringLiteral("libraryMinBpm"));
    m_maxBpm = bpmBox(tr("any"), this);
    m_maxBpm->setObjectName(QStringLiteral("libraryMaxBpm"));

    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("libraryKey"));
    m_key->addItem(tr("Any key"), QString());
    // Around the Camelot wheel, minor then major at each number: neighbours sit next to each other.
    for (int number = 1; number <= 12; ++number)
        for (const bool minor : {true, false}) {
            const library::CamelotKey key{number, minor};
            m_key->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(key.keyName()),
                                                         QString::fromStdString(key.code())),
                           QString::fromStdString(key.code()));
        }
    m_compatible = new QCheckBox(tr("Compatible keys"), this);
    m_compatible->setObjectName(QStringLiteral("libraryCompatible"));
    m_compatible->setToolTip(tr("Also the keys next to it on the Camelot wheel and its relative key"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("libraryKind"));
    m_kind->addItem(tr("Any kind"), int(library::SampleKind::Unknown));
    m_kind->addItem(tr("Loops"), int(library::SampleKind::Loop));
    m_kind->addItem(tr("Slices"), int(library::SampleKind::Slice));
    m_kind->addItem(tr("One-shots"), int(library::SampleKind::OneShot));

    m_stem = new QComboBox(this);
    m_stem->setObjectName(QStringLiteral("libraryStem"));
    m_stem->addItem(tr("Any stem"), QString());
    m_stem->addItem(tr("Drums"), QStringLiteral("drums"));
    m_stem->addItem(tr("Bass"), QStringLiteral("bass"));
    m_stem->addItem(tr("Other"), QStringLiteral("other"));
    m_stem->addItem(tr("Vocals"), QStringLiteral("vocals"));
    m_stem->addItem(tr("Mix"), QStringLiteral("mix"));

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 0, 0, 1, 4);
    layout->addWidget(new QLabel(tr("BPM"), this), 1, 0);
    layout->addWidget(m_minBpm, 1, 1);
    layout->addWidget(new QLabel(tr("to"), this), 1, 2);
    layout->addWidget(m_maxBpm, 1, 3);
    layout->addWidget(m_key, 2, 0, 1, 2);
    layout->addWidget(m_compatible, 2, 2, 1, 2);
    layout->addWidget(m_kind, 3, 0, 1, 2);
    layout->addWidget(m_stem, 3, 2, 1, 2);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingDebounceMs);
    connect(m_typing, &QTimer::timeout, this, &LibraryFilterBar::announce);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_minBpm, &QSpinBox::valueChanged, this, &LibraryFilterBar::announce);
    connect(m_maxBpm, &QSpinBox::valueChanged, this, &LibraryFilterBar::announce);
    connect(m_key, &QComboBox::currentIndexChanged, this, &LibraryFilterBar::announce);
    connect(m_compatible, &QCheckBox::toggled, this, &LibraryFilterBar::announce);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &LibraryFilterBar::announce);
    connect(m_stem, &QComboBox::currentIndexChanged, this, &LibraryFilterBar::announce);
}

library::SampleFilter LibraryFilterBar::filter() const
{
    library::SampleFilter f;
    f.text = m_search->text().toStdString();
    f.minBpm = m_minBpm->value();
    f.maxBpm = m_maxBpm->value();
    f.key = m_key->currentData().toString().toStdString();
    f.compatibleKeys = m_compatible->isChecked();
    f.kind = static_cast<library::SampleKind>(m_kind->currentData().toInt());
    f.stem = m_stem->currentData().toString().toStdString();
    return f;
}

void LibraryFilterBar::announce()
{
    m_typing->stop();
    emit filterChanged(filter());
}

} // namespace stemcrate::ui
