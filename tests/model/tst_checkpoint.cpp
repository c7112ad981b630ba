// Tests for the checkpoint reader (core/model/Checkpoint.h) and its restricted unpickler. Fixtures are
// written at start-up by tests/python/make_checkpoint_fixtures.py (torch 1.13) into a temporary folder.

#include "model/Checkpoint.h"
#include "model/RestrictedUnpickler.h"

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <random>

using namespace stemcrate;
using namespace stemcrate::model;

namespace {

struct TensorSpec
{
    std::string key;
    std::vector<int64_t> shape;
    bool buffer = false;
    std::string dtype; // as stored in the file: "float32", "float16", "int64", ...
    std::vector<float> values;
};

template <class T> const char* why(const Result<T>& result)
{
    return result.ok() ? "" : result.error().c_str();
}

std::vector<TensorSpec> readSpecs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<TensorSpec> specs;
    const QJsonArray tensors = QJsonDocument::fromJson(file.readAll()).object().value("tensors").toArray();
    for (const QJsonValue& entry : tensors) {
        const QJsonObject object = entry.toObject();
        TensorSpec spec;
        spec.key = object.value("key").toString().toStdString();
        for (const QJsonValue& size : object.value("shape").toArray())
            spec.shape.push_back(size.toInteger());
        spec.buffer = object.value("buffer").toBool();
        spec.dtype = object.value("dtype").toString().toStdString();
        for (const QJsonValue& value : object.value("values").toArray())
            spec.values.push_back(float(value.toDouble())); // exact: they are float32 values
        specs.push_back(std::move(spec));
    }
    return specs;
}

at::Tensor expectedTensor(const TensorSpec& spec)
{
    return at::tensor(spec.values, at::kFloat).reshape(spec.shape);
}

// A module tree built from dotted keys ("a.0.conv.weight"), so that a test can make a model that fits a
// checkpoint exactly, or almost.
class SpecModule : public torch::nn::Module
{
public:
    SpecModule& child(const std::string& name)
    {
        auto& slot = m_children[name];
        if (!slot)
            slot = register_module(name, std::make_shared<SpecModule>());
        return *slot;
    }

private:
    std::map<std::string, std::shared_ptr<SpecModule>> m_children;
};

std::shared_ptr<SpecModule> makeModule(const std::vector<TensorSpec>& specs)
{
    auto root = std::make_shared<SpecModule>();
    for (const TensorSpec& spec : specs) {
        SpecModule* owner = root.get();
        std::string name = spec.key;
        for (size_t dot; (dot = name.find('.')) != std::string::npos; name = name.substr(dot + 1))
            owner = &owner->child(name.substr(0, dot));
        const at::Tensor zeros = at::zeros(spec.shape, spec.dtype == "int64" ? at::kLong : at::kFloat);
        if (spec.buffer || spec.dtype == "int64")
            owner->register_buffer(name, zeros);
        else
            owner->register_parameter(name, zeros);
    }
    return root;
}

bool allZero(torch::nn::Module& module)
{
    for (const at::Tensor& parameter : module.parameters())
        if (parameter.count_nonzero().item<int64_t>() != 0)
            return false;
    return true;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// --- A tiny pickle writer for hand-made data.pkl streams ---------------------------------------------
struct PickleWriter
{
    std::vector<uint8_t> bytes{0x80, 0x02};

    PickleWriter& op(char code)
    {
        bytes.push_back(uint8_t(code));
        return *this;
    }
    PickleWriter& raw(std::string_view text)
    {
        bytes.insert(bytes.end(), text.begin(), text.end());
        return *this;
    }
    PickleWriter& global(std::string_view module, std::string_view name)
    {
        op('c').raw(module).raw("\n").raw(name).raw("\n");
        return *this;
    }
    PickleWriter& string(std::string_view text)
    {
        op('X');
        for (int shift = 0; shift < 32; shift += 8)
            bytes.push_back(uint8_t(text.size() >> shift));
        return raw(text);
    }
    PickleWriter& integer(int32_t value)
    {
        op('J');
        for (int shift = 0; shift < 32; shift += 8)
            bytes.push_back(uint8_t(uint32_t(value) >> shift));
        return *this;
    }
    PickleWriter& intTuple(const std::vector<int32_t>& values)
    {
        op('(');
        for (int32_t value : values)
            integer(value);
        return op('t');
    }
};

// OrderedDict{"w": _rebuild_tensor_v2(storage "0" of storageNumel floats, offset, sizes, strides)}
std::vector<uint8_t> tensorPickle(int32_t storageNumel, int32_t offset, const std::vector<int32_t>& sizes,
                                  const std::vector<int32_t>& strides)
{
    PickleWriter w;
    w.global("collections", "OrderedDict").op(')').op('R').op('(').string("w");
    w.global("torch._utils", "_rebuild_tensor_v2").op('(');
    w.op('(').string("storage").global("torch", "FloatStorage").string("0").string("cpu");
    w.integer(storageNumel).op('t').op('Q');
    w.integer(offset).intTuple(sizes).intTuple(strides).op('\x89');
    w.global("collections", "OrderedDict").op(')').op('R').op('t').op('R').op('u').op('.');
    return w.bytes;
}

// Hands out storages of 0, 1, 2, ... without a zip; refuses absurd sizes like the real reader would.
Result<at::Tensor> arangeStorage(const std::string&, at::ScalarType dtype, int64_t numel)
{
    if (numel > (1 << 16))
        return makeError("is truncated or corrupt: storage too large for this test");
    return at::arange(numel, at::TensorOptions().dtype(dtype));
}

} // namespace

class TestCheckpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsNestedStateDictExactly();
    void convertsToModelDtype_data();
    void convertsToModelDtype();
    void keepsViewsAndSharedStorage();
    void acceptsParametersAndByteOrderRecord_data();
    void acceptsParametersAndByteOrderRecord();
    void refusesBigEndianData();
    void reportsMissingKey();
    void reportsUnexpectedKey();
    void reportsShapeMismatch();
    void refusesMaliciousGlobals_data();
    void refusesMaliciousGlobals();
    void rejectsNonCheckpointFiles_data();
    void rejectsNonCheckpointFiles();
    void rejectsTruncatedFiles();
    void survivesByteFlips();
    void checksTensorBounds_data();
    void checksTensorBounds();
    void rejectsMalformedPickles_data();
    void rejectsMalformedPickles();
    void unpicklerSurvivesTruncationAndMutation();

private:
    QString fixture(const QString& name) const { return m_dir.filePath(name); }
    std::string fixturePath(const QString& name) const { return fixture(name).toStdString(); }

    QTemporaryDir m_dir;
};

void TestCheckpoint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess python;
    python.start(STEMCRATE_PYTHON,
                 {QDir(STEMCRATE_TEST_SCRIPTS).filePath("make_checkpoint_fixtures.py"), m_dir.path()});
    QVERIFY2(python.waitForFinished(180000), "make_checkpoint_fixtures.py did not finish");
    QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
             python.readAllStandardError().constData());
}

void TestCheckpoint::readsNestedStateDictExactly()
{
    const auto specs = readSpecs(fixture("good.json"));
    QVERIFY(specs.size() >= 10);
    const auto dict = readStateDict(fixturePath("good.pt"));
    QVERIFY2(dict.ok(), why(dict));
    QCOMPARE(dict->size(), specs.size());
    for (size_t i = 0; i < specs.size(); ++i) {
        const NamedTensor& entry = dict->at(i);
        QCOMPARE(entry.key, specs[i].key); // file order
        QCOMPARE(entry.tensor.scalar_type(), at::kFloat);
        QVERIFY2(at::equal(entry.tensor, expectedTensor(specs[i])), entry.key.c_str());
    }

    auto module = makeModule(specs);
    const auto loaded = loadStateDict(*module, dict.value(), fixturePath("good.pt"));
    QVERIFY2(loaded.ok(), why(loaded));
    const auto parameters = module->named_parameters();
    const auto buffers = module->named_buffers();
    QVERIFY(parameters.contains("a.0.conv.weight"));
    QVERIFY(parameters.contains("lstm.weight_ih_l0_reverse"));
    QVERIFY(buffers.contains("window"));
    for (const TensorSpec& spec : specs) {
        const at::Tensor& target = spec.buffer ? buffers[spec.key] : parameters[spec.key];
        QVERIFY2(at::equal(target, expectedTensor(spec)), spec.key.c_str());
    }
    // A float32 tensor that fills its own storage is adopted rather than copied; "window" (hann_window(8)
    // keeps the first 8 of 9 values) is a view, so it is copied.
    int adopted = 0;
    for (const NamedTensor& entry : dict.value()) {
        const at::Tensor& target =
            parameters.contains(entry.key) ? parameters[entry.key] : buffers[entry.key];
        const bool fills = entry.tensor.storage().nbytes() == entry.tensor.nbytes();
        QCOMPARE(target.is_alias_of(entry.tensor), fills);
        adopted += fills ? 1 : 0;
    }
    QCOMPARE(adopted, int(specs.size()) - 1);
}

void TestCheckpoint::convertsToModelDtype_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("fileDtype");
    QTest::newRow("fp16") << "half" << int(at::kHalf);
    QTest::newRow("bf16") << "bf16" << int(at::kBFloat16);
    QTest::newRow("fp64") << "double" << int(at::kDouble);
}

void TestCheckpoint::convertsToModelDtype()
{
    QFETCH(QString, name);
    QFETCH(int, fileDtype);
    const auto specs = readSpecs(fixture(name + ".json")); // values: the file's, widened to float32
    const auto original = readSpecs(fixture("good.json"));
    QCOMPARE(specs.size(), original.size());

    const auto dict = readStateDict(fixturePath(name + ".pt"));
    QVERIFY2(dict.ok(), why(dict));
    for (const NamedTensor& entry : dict.value())
        QCOMPARE(int(entry.tensor.scalar_type()), fileDtype);

    auto module = makeModule(specs);
    const auto loaded = loadStateDict(*module, dict.value(), fixturePath(name + ".pt"));
    QVERIFY2(loaded.ok(), why(loaded));
    bool anyRounded = false;
    const auto parameters = module->named_parameters();
    for (size_t i = 0; i < specs.size(); ++i) {
        if (specs[i].buffer)
            continue;
        const at::Tensor& target = parameters[specs[i].key];
        QCOMPARE(target.scalar_type(), at::kFloat);
        QVERIFY2(at::equal(target, expectedTensor(specs[i])), specs[i].key.c_str());
        anyRounded = anyRounded || !at::equal(target, expectedTensor(original[i]));
    }
    // fp16/bf16 must really have rounded something, or the comparison above proves little.
    QCOMPARE(anyRounded, fileDtype != int(at::kDouble));
}

void TestCheckpoint::keepsViewsAndSharedStorage()
{
    const auto specs = readSpecs(fixture("views.json"));
    const auto dict = readStateDict(fixturePath("views.pt"));
    QVERIFY2(dict.ok(), why(dict));
    QCOMPARE(dict->size(), specs.size());
    std::map<std::string, at::Tensor> byKey;
    for (size_t i = 0; i < specs.size(); ++i) {
        QCOMPARE(dict->at(i).key, specs[i].key);
        QVERIFY2(at::equal(dict->at(i).tensor.to(at::kFloat), expectedTensor(specs[i])),
                 specs[i].key.c_str());
        byKey[specs[i].key] = dict->at(i).tensor;
    }
    QVERIFY(!byKey["transposed"].is_contiguous());
    QCOMPARE(byKey["count"].dim(), int64_t(0));
    QCOMPARE(byKey["count"].scalar_type(), at::kLong);
    QCOMPARE(byKey["count"].item<int64_t>(), int64_t(7));

    at::Tensor full = byKey["shared.full"];
    QVERIFY(byKey["shared.tail"].is_alias_of(full));
    QVERIFY(byKey["shared.column"].is_alias_of(full));
    QCOMPARE(byKey["shared.tail"].storage_offset(), int64_t(3));
    full.index_put_({1, 2}, 42.0f); // one storage: a write through one view shows in the others
    QCOMPARE(byKey["shared.tail"][0][2].item<float>(), 42.0f);
    QCOMPARE(byKey["shared.column"][1].item<float>(), 42.0f);

    auto module = makeModule(specs);
    const auto loaded = loadStateDict(*module, dict.value(), fixturePath("views.pt"));
    QVERIFY2(loaded.ok(), why(loaded));
    QVERIFY(at::equal(module->named_parameters()["transposed"], byKey["transposed"]));
    // Views and tensors sharing a storage are copied, never adopted: the parameters stay independent.
    for (const auto& item : module->named_parameters())
        QVERIFY2(!item.value().is_alias_of(byKey[item.key()]) && !item.value().is_alias_of(full),
                 item.key().c_str());
    QCOMPARE(module->named_buffers()["count"].item<int64_t>(), int64_t(7));
}

void TestCheckpoint::acceptsParametersAndByteOrderRecord_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nn.Parameter values") << "parameters.pt"
                                         << "parameters.json";
    QTest::newRow("byteorder 'little' (torch >= 2.1)") << "byteorder_little.pt"
                                                       << "good.json";
}

void TestCheckpoint::acceptsParametersAndByteOrderRecord()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const auto specs = readSpecs(fixture(expected));
    const auto dict = readStateDict(fixturePath(file));
    QVERIFY2(dict.ok(), why(dict));
    QCOMPARE(dict->size(), specs.size());
    for (size_t i = 0; i < specs.size(); ++i) {
        QCOMPARE(dict->at(i).key, specs[i].key);
        QVERIFY2(at::equal(dict->at(i).tensor, expectedTensor(specs[i])), specs[i].key.c_str());
    }
}

void TestCheckpoint::refusesBigEndianData()
{
    const auto dict = readStateDict(fixturePath("byteorder_big.pt"));
    QVERIFY(!dict.ok());
    QVERIFY2(dict.error().find("big-endian") != std::string::npos, why(dict));
}

void TestCheckpoint::reportsMissingKey()
{
    auto specs = readSpecs(fixture("good.json"));
    specs.push_back({"extra.proj.weight", {2, 2}});
    const auto dict = readStateDict(fixturePath("good.pt"));
    QVERIFY2(dict.ok(), why(dict));
    auto module = makeModule(specs);
    const auto loaded = loadStateDict(*module, dict.value(), "/models/x.pt");
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().find("missing key(s) 'extra.proj.weight'") != std::string::npos, why(loaded));
    QVERIFY2(loaded.error().find("'/models/x.pt'") != std::string::npos, why(loaded));
    QVERIFY(allZero(*module)); // nothing copied
}

void TestCheckpoint::reportsUnexpectedKey()
{
    auto specs = readSpecs(fixture("good.json"));
    const auto dropped = std::find_if(specs.begin(), specs.end(), [](const TensorSpec& spec) {
        return spec.key == "lstm.bias_hh_l0_reverse";
    });
    QVERIFY(dropped != specs.end());
    specs.erase(dropped);
    const auto dict = readStateDict(fixturePath("good.pt"));
    QVERIFY2(dict.ok(), why(dict));
    auto module = makeModule(specs);
    const auto loaded = loadStateDict(*module, dict.value(), "/models/x.pt");
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().find("unexpected key(s) 'lstm.bias_hh_l0_reverse'") != std::string::npos,
             why(loaded));
    QVERIFY(loaded.error().find("missing") == std::string::npos);
    QVERIFY(allZero(*module));
}

void TestCheckpoint::reportsShapeMismatch()
{
    auto specs = readSpecs(fixture("good.json"));
    for (TensorSpec& spec : specs)
        if (spec.key == "a.0.conv.weight") {
            QCOMPARE(spec.shape, (std::vector<int64_t>{3, 2, 4}));
            spec.shape = {3, 4, 2};
        }
    const auto dict = readStateDict(fixturePath("good.pt"));
    QVERIFY2(dict.ok(), why(dict));
    auto module = makeModule(specs);
    const auto loaded = loadStateDict(*module, dict.value(), "/models/x.pt");
    QVERIFY(!loaded.ok());
    for (const char* part : {"'a.0.conv.weight'", "[3, 2, 4]", "[3, 4, 2]", "'/models/x.pt'"})
        QVERIFY2(loaded.error().find(part) != std::string::npos, why(loaded));
    QVERIFY(allZero(*module));
}

void TestCheckpoint::refusesMaliciousGlobals_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<QString>("global");
    QTest::newRow("torch.save of os.system") << "evil_torchsave.pt"
                                             << "marker_torchsave"
                                             << "posix.system";
    QTest::newRow("protocol 4 STACK_GLOBAL") << "evil_stackglobal.pt"
                                             << "marker_stackglobal"
                                             << "posix.system";
    QTest::newRow("os system") << "evil_os.pt"
                               << "marker_os"
                               << "os.system";
    QTest::newRow("builtins eval") << "evil_eval.pt"
                                   << "marker_eval"
                                   << "builtins.eval";
}

void TestCheckpoint::refusesMaliciousGlobals()
{
    QFETCH(QString, file);
    QFETCH(QString, marker);
    QFETCH(QString, global);
    QVERIFY(!QFile::exists(fixture(marker)));
    const auto dict = readStateDict(fixturePath(file));
    QVERIFY(!dict.ok());
    const std::string expected = "checkpoint '" + fixturePath(file) +
                                 "' is not a plain state_dict: refused global '" + global.toStdString() + "'";
    QCOMPARE(dict.error(), expected);
    QVERIFY(!QFile::exists(fixture(marker)));
}

void TestCheckpoint::rejectsNonCheckpointFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content"); // written first unless null
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << "nothing_here.pt" << QByteArray() << "does not exist";
    QTest::newRow("empty") << "empty.pt" << QByteArray("") << "is empty";
    QTest::newRow("text") << "text.pt" << QByteArray("hello, this is not a model\n") << "not a zip archive";
    QTest::newRow("one byte") << "onebyte.pt" << QByteArray("P") << "not a zip archive";
    QTest::newRow("zip header only") << "header.pt" << QByteArray("PK\x03\x04", 4) << "truncated or corrupt";
    QTest::newRow("legacy torch.save") << "legacy.pt" << QByteArray() << "legacy (pre-1.6) format";
    QTest::newRow("folder") << "." << QByteArray() << "is a folder";
}

void TestCheckpoint::rejectsNonCheckpointFiles()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    if (!content.isNull())
        QVERIFY(writeAll(fixture(file), content));
    const auto dict = readStateDict(fixturePath(file));
    QVERIFY(!dict.ok());
    QVERIFY2(dict.error().find("'" + fixturePath(file) + "'") != std::string::npos, why(dict));
    QVERIFY2(dict.error().find(reason.toStdString()) != std::string::npos, why(dict));
}

void TestCheckpoint::rejectsTruncatedFiles()
{
    const QByteArray good = readAll(fixture("good.pt"));
    QVERIFY(good.size() > 1000);
    std::vector<qsizetype> cuts;
    for (qsizetype cut = 1; cut < good.size(); cut += good.size() / 61)
        cuts.push_back(cut);
    for (qsizetype cut = good.size() - 200; cut < good.size(); ++cut) // central directory and its end
        cuts.push_back(cut);
    const QString path = fixture("truncated.pt");
    for (qsizetype cut : cuts) {
        QVERIFY(writeAll(path, good.left(cut)));
        const auto dict = readStateDict(path.toStdString());
        QVERIFY2(!dict.ok(), qPrintable(QString("cut at %1 was read as valid").arg(cut)));
        QVERIFY2(dict.error().find("'" + path.toStdString() + "'") != std::string::npos, why(dict));
    }
}

void TestCheckpoint::survivesByteFlips()
{
    const QByteArray good = readAll(fixture("good.pt"));
    const QString path = fixture("flipped.pt");
    std::mt19937 random(20240611);
    int accepted = 0;
    constexpr int kRounds = 300;
    for (int round = 0; round < kRounds; ++round) {
        QByteArray bytes = good;
        const int flips = 1 + int(random() % 4);
        for (int i = 0; i < flips; ++i)
            bytes[qsizetype(random() % uint32_t(bytes.size()))] ^= char(1 + random() % 255);
        QVERIFY(writeAll(path, bytes));
        const auto dict = readStateDict(path.toStdString()); // an error or a state_dict; never a crash
        accepted += dict.ok();
    }
    qInfo("%d of %d corrupted files still read (flips in tensor data are undetectable)", accepted, kRounds);
}

void TestCheckpoint::checksTensorBounds_data()
{
    QTest::addColumn<int>("storageNumel");
    QTest::addColumn<int>("offset");
    QTest::addColumn<std::vector<int32_t>>("sizes");
    QTest::addColumn<std::vector<int32_t>>("strides");
    QTest::addColumn<bool>("valid");
    using V = std::vector<int32_t>;
    QTest::newRow("contiguous") << 6 << 0 << V{2, 3} << V{3, 1} << true;
    QTest::newRow("transposed") << 6 << 0 << V{3, 2} << V{1, 3} << true;
    QTest::newRow("offset view") << 6 << 2 << V{2, 2} << V{2, 1} << true;
    QTest::newRow("empty at end") << 6 << 6 << V{0, 3} << V{3, 1} << true;
    QTest::newRow("stride past end") << 6 << 0 << V{2, 3} << V{4, 1} << false;
    QTest::newRow("offset past end") << 6 << 1 << V{2, 3} << V{3, 1} << false;
    QTest::newRow("offset beyond storage") << 6 << 7 << V{0} << V{1} << false;
    QTest::newRow("negative stride") << 6 << 5 << V{2} << V{-1} << false;
    QTest::newRow("negative size") << 6 << 0 << V{-2} << V{1} << false;
    QTest::newRow("huge stride") << 6 << 0 << V{2, 2} << V{0x7fffffff, 0x7fffffff} << false;
    QTest::newRow("rank mismatch") << 6 << 0 << V{2, 3} << V{1} << false;
}

void TestCheckpoint::checksTensorBounds()
{
    QFETCH(int, storageNumel);
    QFETCH(int, offset);
    QFETCH(std::vector<int32_t>, sizes);
    QFETCH(std::vector<int32_t>, strides);
    QFETCH(bool, valid);
    const auto pickle = tensorPickle(storageNumel, offset, sizes, strides);
    const auto dict = unpickleStateDict(pickle, arangeStorage);
    QVERIFY2(dict.ok() == valid, why(dict));
    if (!valid) {
        QVERIFY2(dict.error().rfind("is truncated or corrupt: ", 0) == 0, why(dict));
        return;
    }
    const std::vector<int64_t> sizes64(sizes.begin(), sizes.end());
    const std::vector<int64_t> strides64(strides.begin(), strides.end());
    const at::Tensor expected = at::arange(storageNumel, at::kFloat).as_strided(sizes64, strides64, offset);
    QCOMPARE(dict->size(), size_t(1));
    QVERIFY(at::equal(dict->front().tensor, expected));
}

void TestCheckpoint::rejectsMalformedPickles_data()
{
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << "ends before its STOP";
    QTest::newRow("no STOP") << QByteArray("\x80\x02}", 3) << "ends before its STOP";
    QTest::newRow("stack underflow") << QByteArray("\x80\x02R.", 4) << "stack underflow";
    QTest::newRow("underflow below MARK") << QByteArray("\x80\x02}(s.", 6) << "stack underflow";
    QTest::newRow("missing MARK") << QByteArray("\x80\x02t.", 4) << "MARK";
    QTest::newRow("memo miss") << QByteArray("\x80\x02h\x05.", 5) << "memo entry 5 is missing";
    QTest::newRow("unknown opcode") << QByteArray("\x80\x02\xff.", 4) << "unknown or unsupported opcode 0xff";
    QTest::newRow("string past end") << QByteArray("\x80\x02X\xff\xff\xff\x7f", 7) << "ends inside an opcode";
    QTest::newRow("unterminated GLOBAL") << QByteArray("\x80\x02"
                                                       "ccollections")
                                         << "inside a GLOBAL";
    QTest::newRow("leftovers") << QByteArray("\x80\x02}}.", 5) << "left over";
    QTest::newRow("not a dict") << QByteArray("\x80\x02].", 4) << "holds a list";
    QTest::newRow("value not a tensor")
        << QByteArray("\x80\x02}X\x01\x00\x00\x00kK\x01s.", 13) << "entry 'k' is an int, not a tensor";
    QTest::newRow("APPEND to dict") << QByteArray("\x80\x02}Na.", 5) << "APPEND applied to a dict";
    QTest::newRow("INST") << QByteArray("\x80\x02(ios\nsystem\n.", 15) << "refused global 'os.system'";
    QTest::newRow("NEWOBJ") << QByteArray("\x80\x02})\x81.", 5) << "unknown or unsupported opcode 0x81";
}

void TestCheckpoint::rejectsMalformedPickles()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, reason);
    const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(pickle.constData()),
                                         size_t(pickle.size()));
    const auto dict = unpickleStateDict(bytes, arangeStorage);
    QVERIFY(!dict.ok());
    QVERIFY2(dict.error().find(reason.toStdString()) != std::string::npos, why(dict));
}

void TestCheckpoint::unpicklerSurvivesTruncationAndMutation()
{
    const QByteArray good = readAll(fixture("good.pkl"));
    const std::vector<uint8_t> pickle(good.begin(), good.end());
    QVERIFY(pickle.size() > 100);
    const auto whole = unpickleStateDict(pickle, arangeStorage);
    QVERIFY2(whole.ok(), why(whole));
    QCOMPARE(whole->size(), readSpecs(fixture("good.json")).size());

    for (size_t cut = 0; cut < pickle.size(); ++cut) {
        const auto dict = unpickleStateDict(std::span(pickle).first(cut), arangeStorage);
        QVERIFY2(!dict.ok(), qPrintable(QString("cut at %1 was read as valid").arg(cut)));
    }

    // Random edits: flips, overwrites with opcode bytes, deletions, insertions.
    constexpr std::string_view kOpcodes =
        "(.01GJKMNQRTUXa]bcehjqrstu}\x80\x85\x86\x87\x88\x89\x8a\x8c\x93\x94\x95";
    std::mt19937 random(7);
    int accepted = 0;
    constexpr int kRounds = 5000;
    for (int round = 0; round < kRounds; ++round) {
        std::vector<uint8_t> bytes = pickle;
        const int edits = 1 + int(random() % 6);
        for (int i = 0; i < edits && !bytes.empty(); ++i) {
            const size_t at = random() % bytes.size();
            switch (random() % 5) {
            case 0:
                bytes[at] ^= uint8_t(1 + random() % 255);
                break;
            case 1:
                bytes[at] = uint8_t(kOpcodes[random() % kOpcodes.size()]);
                break;
            case 2:
                bytes[at] = uint8_t(random());
                break;
            case 3:
                bytes.erase(bytes.begin() + std::ptrdiff_t(at));
                break;
            default:
                bytes.insert(bytes.begin() + std::ptrdiff_t(at),
                             uint8_t(kOpcodes[random() % kOpcodes.size()]));
            }
        }
        accepted += unpickleStateDict(bytes, arangeStorage).ok();
    }
    qInfo("%d of %d mutated pickles still parsed", accepted, kRounds);
}

QTEST_APPLESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
