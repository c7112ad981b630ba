#include "model/RestrictedUnpickler.h"

#include <c10/util/Exception.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <deque>
#include <limits>
#include <new>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stemcrate::model {
namespace {

// Pickle opcodes (names as in CPython's Lib/pickle.py). Protocol 2 is what torch.save writes by default;
// the few protocol-3/4 ones below are as simple and cost nothing to accept.
enum class Op : uint8_t
{
    Mark = '(',
    Stop = '.',
    Pop = '0',
    PopMark = '1',
    BinFloat = 'G',
    BinInt = 'J',
    BinInt1 = 'K',
    BinInt2 = 'M',
    None = 'N',
    BinPersId = 'Q',
    Reduce = 'R',
    BinString = 'T',
    ShortBinString = 'U',
    BinUnicode = 'X',
    EmptyList = ']',
    Append = 'a',
    Build = 'b',
    Global = 'c',
    Appends = 'e',
    BinGet = 'h',
    Inst = 'i',
    LongBinGet = 'j',
    BinPut = 'q',
    LongBinPut = 'r',
    SetItem = 's',
    Tuple = 't',
    SetItems = 'u',
    EmptyDict = '}',
    EmptyTuple = ')',
    Proto = 0x80,
    Tuple1 = 0x85,
    Tuple2 = 0x86,
    Tuple3 = 0x87,
    NewTrue = 0x88,
    NewFalse = 0x89,
    Long1 = 0x8a,
    BinBytes = 'B',         // protocol 3
    ShortBinBytes = 'C',    // protocol 3
    ShortBinUnicode = 0x8c, // protocol 4
    StackGlobal = 0x93,     // protocol 4
    Memoize = 0x94,         // protocol 4
    Frame = 0x95,           // protocol 4
};

enum class Kind : uint8_t
{
    None,
    Bool,
    Int,
    Float,
    String, // str or bytes
    Tuple,
    List,
    Dict,
    Global,
    Storage,
    Tensor,
};

// The only callables a state_dict needs. GLOBAL resolves to one of these or fails.
enum class Callable : uint8_t
{
    OrderedDict,
    RebuildTensorV2,
    RebuildParameter,
    StorageType,
};

struct AllowedGlobal
{
    std::string_view module;
    std::string_view name;
    Callable callable;
    at::ScalarType dtype; // for StorageType
};

// Typed storages: torch 1.13 and 2.x both pickle a state_dict tensor as
// _rebuild_tensor_v2(<persistent id ('storage', torch.FloatStorage, key, location, numel)>, ...).
constexpr AllowedGlobal kAllowedGlobals[] = {
    {"collections", "OrderedDict", Callable::OrderedDict, at::kFloat},
    {"torch._utils", "_rebuild_tensor_v2", Callable::RebuildTensorV2, at::kFloat},
    {"torch._utils", "_rebuild_parameter", Callable::RebuildParameter, at::kFloat},
    {"torch", "FloatStorage", Callable::StorageType, at::kFloat},
    {"torch", "HalfStorage", Callable::StorageType, at::kHalf},
    {"torch", "BFloat16Storage", Callable::StorageType, at::kBFloat16},
    {"torch", "DoubleStorage", Callable::StorageType, at::kDouble},
    {"torch", "LongStorage", Callable::StorageType, at::kLong}, // e.g. BatchNorm's num_batches_tracked
    {"torch", "IntStorage", Callable::StorageType, at::kInt},
};

constexpr size_t kMaxTensorDims = 32;
constexpr size_t kMaxStorageKeyLength = 64;

// One unpickled object. Objects live in an arena and refer to each other by index, so that hostile
// input can neither build reference cycles that leak nor nestings deep enough to overflow the stack
// when destroyed.
struct Value
{
    Kind kind = Kind::None;
    int64_t integer = 0;         // Bool, Int
    double real = 0.0;           // Float
    std::string text;            // String
    std::vector<uint32_t> items; // Tuple, List; Dict: key, value, key, value, ...
    Callable callable = Callable::OrderedDict;
    at::ScalarType dtype = at::kFloat; // Global (StorageType), Storage
    at::Tensor tensor;                 // Storage: the whole record, 1-D; Tensor

    static Value of(Kind kind, int64_t integer = 0)
    {
        Value value;
        value.kind = kind;
        value.integer = integer;
        return value;
    }
    static Value ofItems(Kind kind, std::vector<uint32_t> items)
    {
        Value value = of(kind);
        value.items = std::move(items);
        return value;
    }
    static Value ofTensor(Kind kind, at::Tensor tensor)
    {
        Value value = of(kind);
        value.tensor = std::move(tensor);
        value.dtype = value.tensor.scalar_type();
        return value;
    }
};

// Thrown inside the interpreter only; unpickleStateDict turns it into an Error.
struct Failure
{
    std::string clause;
};

std::string_view kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return "None";
    case Kind::Bool:
        return "a bool";
    case Kind::Int:
        return "an int";
    case Kind::Float:
        return "a float";
    case Kind::String:
        return "a string";
    case Kind::Tuple:
        return "a tuple";
    case Kind::List:
        return "a list";
    case Kind::Dict:
        return "a dict";
    case Kind::Global:
        return "a class or function";
    case Kind::Storage:
        return "a storage";
    case Kind::Tensor:
        return "a tensor";
    }
    return "an unknown object";
}

// Text from the file, made safe to show in a message.
std::string printable(std::string_view text)
{
    constexpr size_t kMaxShown = 80;
    std::string out;
    for (char c : text.substr(0, kMaxShown))
        out += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (text.size() > kMaxShown)
        out += "...";
    return out;
}

class Interpreter
{
public:
    Interpreter(std::span<const uint8_t> pickle, const StorageLoader& loadStorage)
        : m_pickle(pickle), m_loadStorage(loadStorage)
    {
    }

    StateDict run();

private:
    [[noreturn]] void corrupt(const std::string& what) const
    {
        throw Failure{"is truncated or corrupt: " + what + " (data.pkl byte " + std::to_string(m_opStart) +
                      ")"};
    }
    [[noreturn]] static void notStateDict(const std::string& what)
    {
        throw Failure{"is not a plain state_dict: " + what};
    }

    // Input; every read is bounds-checked.
    uint8_t readU8();
    std::span<const uint8_t> readBytes(uint64_t count);
    uint32_t readU32();
    std::string readLine();

    // Objects and the stack.
    uint32_t make(Value value);
    Value& object(uint32_t id) { return m_values[id]; }
    void push(uint32_t id) { m_stack.push_back(id); }
    void pushNew(Value value) { push(make(std::move(value))); }
    uint32_t pop();
    uint32_t top() const;
    std::vector<uint32_t> popToMark();
    Value& topOfKind(Kind kind, const char* opName);
    int64_t integerOf(uint32_t id, const char* what);

    void resolveGlobal(const std::string& module, const std::string& name);
    void persistentLoad();
    void reduce();
    void build();
    uint32_t rebuildTensor(const std::vector<uint32_t>& args);
    StateDict finish(uint32_t root);

    std::span<const uint8_t> m_pickle;
    const StorageLoader& m_loadStorage;
    size_t m_pos = 0;
    size_t m_opStart = 0;

    std::deque<Value> m_values; // deque: references stay valid while objects are added
    std::vector<uint32_t> m_stack;
    std::vector<size_t> m_marks; // stack heights at each MARK
    std::unordered_map<uint32_t, uint32_t> m_memo;
    std::unordered_map<std::string, uint32_t> m_storages; // key -> Storage object
};

uint8_t Interpreter::readU8()
{
    if (m_pos >= m_pickle.size())
        corrupt("the data ends before its STOP opcode");
    return m_pickle[m_pos++];
}

std::span<const uint8_t> Interpreter::readBytes(uint64_t count)
{
    if (count > m_pickle.size() - m_pos)
        corrupt("the data ends inside an opcode");
    const auto bytes = m_pickle.subspan(m_pos, count);
    m_pos += count;
    return bytes;
}

uint32_t Interpreter::readU32()
{
    const auto bytes = readBytes(4);
    return uint32_t(bytes[0]) | uint32_t(bytes[1]) << 8 | uint32_t(bytes[2]) << 16 | uint32_t(bytes[3]) << 24;
}

std::string Interpreter::readLine()
{
    const auto rest = m_pickle.subspan(m_pos);
    const auto newline = std::find(rest.begin(), rest.end(), uint8_t('\n'));
    if (newline == rest.end())
        corrupt("the data ends inside a GLOBAL name");
    std::string line(rest.begin(), newline);
    m_pos += line.size() + 1;
    return line;
}

uint32_t Interpreter::make(Value value)
{
    if (m_values.size() >= std::numeric_limits<uint32_t>::max())
        corrupt("too many objects");
    m_values.push_back(std::move(value));
    return uint32_t(m_values.size() - 1);
}

uint32_t Interpreter::pop()
{
    // A MARK fences off what lies below it, as in CPython.
    const size_t floor = m_marks.empty() ? 0 : m_marks.back();
    if (m_stack.size() <= floor)
        corrupt("stack underflow");
    const uint32_t id = m_stack.back();
    m_stack.pop_back();
    return id;
}

uint32_t Interpreter::top() const
{
    const size_t floor = m_marks.empty() ? 0 : m_marks.back();
    if (m_stack.size() <= floor)
        corrupt("stack underflow");
    return m_stack.back();
}

std::vector<uint32_t> Interpreter::popToMark()
{
    if (m_marks.empty())
        corrupt("an opcode needs a MARK that is not there");
    const size_t mark = m_marks.back();
    m_marks.pop_back();
    std::vector<uint32_t> items(m_stack.begin() + std::ptrdiff_t(mark), m_stack.end());
    m_stack.resize(mark);
    return items;
}

Value& Interpreter::topOfKind(Kind kind, const char* opName)
{
    Value& target = object(top());
    if (target.kind != kind)
        corrupt(std::string(opName) + " applied to " + std::string(kindName(target.kind)));
    return target;
}

int64_t Interpreter::integerOf(uint32_t id, const char* what)
{
    const Value& value = object(id);
    if (value.kind != Kind::Int)
        corrupt(std::string(what) + " is " + std::string(kindName(value.kind)) + ", not an int");
    return value.integer;
}

void Interpreter::resolveGlobal(const std::string& module, const std::string& name)
{
    for (const AllowedGlobal& allowed : kAllowedGlobals) {
        if (allowed.module == module && allowed.name == name) {
            Value global = Value::of(Kind::Global);
            global.callable = allowed.callable;
            global.dtype = allowed.dtype;
            pushNew(std::move(global));
            return;
        }
    }
    notStateDict("refused global '" + printable(module + "." + name) + "'");
}

// BINPERSID: ('storage', <storage class>, key, location, numel) names the record data/<key>.
void Interpreter::persistentLoad()
{
    const Value& id = object(pop());
    if (id.kind != Kind::Tuple || id.items.size() != 5)
        corrupt("a persistent id is not a 5-tuple");
    const Value& tag = object(id.items[0]);
    const Value& storageType = object(id.items[1]);
    const Value& key = object(id.items[2]);
    const Value& location = object(id.items[3]);
    if (tag.kind != Kind::String || tag.text != "storage")
        corrupt("a persistent id is not a storage");
    if (storageType.kind != Kind::Global || storageType.callable != Callable::StorageType)
        corrupt("a storage has no storage type");
    if (key.kind != Kind::String || key.text.empty() || key.text.size() > kMaxStorageKeyLength ||
        !std::all_of(key.text.begin(), key.text.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }))
        corrupt("a storage key is malformed");
    if (location.kind != Kind::String)
        corrupt("a storage location is not a string"); // any device: we load everything onto the CPU
    const int64_t numel = integerOf(id.items[4], "a storage size");
    if (numel < 0)
        corrupt("a storage size is negative");

    if (const auto known = m_storages.find(key.text); known != m_storages.end()) {
        const Value& storage = object(known->second);
        if (storage.dtype != storageType.dtype || storage.tensor.numel() != numel)
            corrupt("storage '" + key.text + "' is used with two different types or sizes");
        push(known->second);
        return;
    }
    Result<at::Tensor> loaded = m_loadStorage(key.text, storageType.dtype, numel);
    if (!loaded)
        throw Failure{loaded.error()};
    at::Tensor& tensor = loaded.value();
    if (!tensor.defined() || tensor.dim() != 1 || tensor.numel() != numel ||
        tensor.scalar_type() != storageType.dtype)
        corrupt("storage '" + key.text + "' could not be loaded");
    const uint32_t storage = make(Value::ofTensor(Kind::Storage, std::move(tensor)));
    m_storages.emplace(key.text, storage);
    push(storage);
}

void Interpreter::reduce()
{
    const uint32_t argsId = pop();
    const uint32_t callableId = pop();
    const Value& args = object(argsId);
    const Value& callable = object(callableId);
    if (callable.kind != Kind::Global)
        corrupt("REDUCE calls " + std::string(kindName(callable.kind)));
    if (args.kind != Kind::Tuple)
        corrupt("REDUCE arguments are not a tuple");

    switch (callable.callable) {
    case Callable::OrderedDict:
        if (!args.items.empty())
            notStateDict("OrderedDict is built with arguments");
        pushNew(Value::of(Kind::Dict));
        return;
    case Callable::RebuildTensorV2:
        push(rebuildTensor(args.items));
        return;
    case Callable::RebuildParameter: {
        // (data, requires_grad, backward_hooks): a Parameter is just its data here.
        if (args.items.size() != 3 || object(args.items[0]).kind != Kind::Tensor)
            corrupt("_rebuild_parameter has unexpected arguments");
        push(args.items[0]);
        return;
    }
    case Callable::StorageType:
        notStateDict("a storage class is called directly");
    }
    corrupt("REDUCE of an unknown callable");
}

// _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
uint32_t Interpreter::rebuildTensor(const std::vector<uint32_t>& args)
{
    if (args.size() != 6 && args.size() != 7)
        corrupt("_rebuild_tensor_v2 takes 6 or 7 arguments, not " + std::to_string(args.size()));
    const Value& storage = object(args[0]);
    if (storage.kind != Kind::Storage)
        corrupt("a tensor's storage is " + std::string(kindName(storage.kind)));
    const int64_t offset = integerOf(args[1], "a tensor's storage offset");
    const Value& sizeTuple = object(args[2]);
    const Value& strideTuple = object(args[3]);
    if (sizeTuple.kind != Kind::Tuple || strideTuple.kind != Kind::Tuple ||
        sizeTuple.items.size() != strideTuple.items.size() || sizeTuple.items.size() > kMaxTensorDims)
        corrupt("a tensor's size and stride do not match");
    if (object(args[4]).kind != Kind::Bool)
        corrupt("a tensor's requires_grad is not a bool");
    // Backward hooks and the optional metadata are plain dicts; neither matters for weights.
    if (object(args[5]).kind != Kind::Dict || (args.size() == 7 && object(args[6]).kind != Kind::Dict))
        corrupt("a tensor's hooks or metadata are not dicts");

    const size_t dims = sizeTuple.items.size();
    std::vector<int64_t> sizes(dims);
    std::vector<int64_t> strides(dims);
    bool empty = false;
    for (size_t d = 0; d < dims; ++d) {
        sizes[d] = integerOf(sizeTuple.items[d], "a tensor size");
        strides[d] = integerOf(strideTuple.items[d], "a tensor stride");
        if (sizes[d] < 0 || strides[d] < 0)
            corrupt("a tensor has a negative size or stride");
        empty = empty || sizes[d] == 0;
    }
    const int64_t storageNumel = storage.tensor.numel();
    if (offset < 0 || offset > storageNumel)
        corrupt("a tensor's storage offset lies outside its storage");
    if (!empty) {
        // The last element a view touches must lie inside the storage; overflow counts as outside.
        int64_t last = offset;
        for (size_t d = 0; d < dims; ++d) {
            int64_t reach = 0;
            if (__builtin_mul_overflow(sizes[d] - 1, strides[d], &reach) ||
                __builtin_add_overflow(last, reach, &last))
                corrupt("a tensor's shape overflows");
        }
        if (last >= storageNumel)
            corrupt("a tensor reaches past the end of its storage");
    }
    at::Tensor tensor = storage.tensor.as_strided(sizes, strides, offset);
    return make(Value::ofTensor(Kind::Tensor, std::move(tensor)));
}

void Interpreter::build()
{
    const Value& state = object(pop());
    const Value& target = object(top());
    // The state_dict's OrderedDict carries its `_metadata` (module versions) as instance state; we do
    // not need it. Nothing else a state_dict holds is built with state.
    if (target.kind == Kind::Dict && (state.kind == Kind::Dict || state.kind == Kind::None))
        return;
    notStateDict("BUILD on " + std::string(kindName(target.kind)));
}

StateDict Interpreter::finish(uint32_t root)
{
    const Value& dict = object(root);
    if (dict.kind != Kind::Dict)
        notStateDict("the file holds " + std::string(kindName(dict.kind)) + ", not a dict of tensors");
    StateDict result;
    result.reserve(dict.items.size() / 2);
    std::unordered_map<std::string, size_t> indexByKey;
    for (size_t i = 0; i + 1 < dict.items.size(); i += 2) {
        const Value& key = object(dict.items[i]);
        const Value& value = object(dict.items[i + 1]);
        if (key.kind != Kind::String)
            notStateDict("a key is " + std::string(kindName(key.kind)) + ", not a string");
        if (value.kind != Kind::Tensor)
            notStateDict("entry '" + printable(key.text) + "' is " + std::string(kindName(value.kind)) +
                         ", not a tensor");
        // A repeated key replaces the earlier value but keeps its place, like a Python dict.
        const auto [slot, inserted] = indexByKey.emplace(key.text, result.size());
        if (inserted)
            result.push_back({key.text, value.tensor});
        else
            result[slot->second].tensor = value.tensor;
    }
    return result;
}

StateDict Interpreter::run()
{
    for (;;) {
        m_opStart = m_pos;
        const uint8_t code = readU8();
        switch (static_cast<Op>(code)) {
        case Op::Proto:
            if (readU8() > 5)
                corrupt("unknown pickle protocol");
            break;
        case Op::Frame:
            readBytes(8); // a framing hint only
            break;
        case Op::Stop: {
            const uint32_t root = pop();
            if (!m_stack.empty() || !m_marks.empty())
                corrupt("objects are left over at STOP");
            return finish(root);
        }
        case Op::Mark:
            m_marks.push_back(m_stack.size());
            break;
        case Op::Pop:
            pop();
            break;
        case Op::PopMark:
            popToMark();
            break;

        case Op::None:
            pushNew(Value::of(Kind::None));
            break;
        case Op::NewTrue:
        case Op::NewFalse:
            pushNew(Value::of(Kind::Bool, static_cast<Op>(code) == Op::NewTrue));
            break;
        case Op::BinInt:
            pushNew(Value::of(Kind::Int, int32_t(readU32())));
            break;
        case Op::BinInt1:
            pushNew(Value::of(Kind::Int, readU8()));
            break;
        case Op::BinInt2: {
            const auto bytes = readBytes(2);
            pushNew(Value::of(Kind::Int, bytes[0] | bytes[1] << 8));
            break;
        }
        case Op::Long1: {
            // Little-endian two's complement of 0..8 bytes; anything longer cannot be a size.
            const uint8_t length = readU8();
            if (length > 8)
                corrupt("an integer is too large");
            const auto bytes = readBytes(length);
            uint64_t bits = 0;
            for (size_t i = 0; i < length; ++i)
                bits |= uint64_t(bytes[i]) << (8 * i);
            if (length > 0 && length < 8 && (bytes[length - 1] & 0x80))
                bits |= ~uint64_t(0) << (8 * length); // sign-extend
            pushNew(Value::of(Kind::Int, std::bit_cast<int64_t>(bits)));
            break;
        }
        case Op::BinFloat: {
            const auto bytes = readBytes(8);
            uint64_t bits = 0;
            for (uint8_t byte : bytes)
                bits = bits << 8 | byte; // big-endian
            Value real = Value::of(Kind::Float);
            real.real = std::bit_cast<double>(bits);
            pushNew(std::move(real));
            break;
        }

        case Op::BinUnicode:
        case Op::BinBytes:
        case Op::ShortBinUnicode:
        case Op::ShortBinString:
        case Op::ShortBinBytes:
        case Op::BinString: {
            uint64_t length = 0;
            const Op op = static_cast<Op>(code);
            if (op == Op::BinUnicode || op == Op::BinBytes || op == Op::BinString)
                length = readU32();
            else
                length = readU8();
            if (op == Op::BinString && int32_t(length) < 0)
                corrupt("a string has a negative length");
            const auto bytes = readBytes(length);
            Value text = Value::of(Kind::String);
            text.text.assign(bytes.begin(), bytes.end());
            pushNew(std::move(text));
            break;
        }

        case Op::EmptyTuple:
            pushNew(Value::of(Kind::Tuple));
            break;
        case Op::EmptyList:
            pushNew(Value::of(Kind::List));
            break;
        case Op::EmptyDict:
            pushNew(Value::of(Kind::Dict));
            break;
        case Op::Tuple:
            pushNew(Value::ofItems(Kind::Tuple, popToMark()));
            break;
        case Op::Tuple1:
        case Op::Tuple2:
        case Op::Tuple3: {
            std::vector<uint32_t> items(code - uint8_t(Op::Tuple1) + 1);
            for (auto it = items.rbegin(); it != items.rend(); ++it)
                *it = pop();
            pushNew(Value::ofItems(Kind::Tuple, std::move(items)));
            break;
        }
        case Op::Append: {
            const uint32_t item = pop();
            topOfKind(Kind::List, "APPEND").items.push_back(item);
            break;
        }
        case Op::Appends: {
            const std::vector<uint32_t> items = popToMark();
            auto& list = topOfKind(Kind::List, "APPENDS").items;
            list.insert(list.end(), items.begin(), items.end());
            break;
        }
        case Op::SetItem: {
            const uint32_t value = pop();
            const uint32_t key = pop();
            auto& dict = topOfKind(Kind::Dict, "SETITEM").items;
            dict.push_back(key);
            dict.push_back(value);
            break;
        }
        case Op::SetItems: {
            const std::vector<uint32_t> items = popToMark();
            if (items.size() % 2 != 0)
                corrupt("SETITEMS has a key without a value");
            auto& dict = topOfKind(Kind::Dict, "SETITEMS").items;
            dict.insert(dict.end(), items.begin(), items.end());
            break;
        }

        case Op::BinPut:
            m_memo[readU8()] = top();
            break;
        case Op::LongBinPut:
            m_memo[readU32()] = top();
            break;
        case Op::Memoize:
            m_memo[uint32_t(m_memo.size())] = top();
            break;
        case Op::BinGet:
        case Op::LongBinGet: {
            const uint32_t index = static_cast<Op>(code) == Op::BinGet ? readU8() : readU32();
            const auto found = m_memo.find(index);
            if (found == m_memo.end())
                corrupt("memo entry " + std::to_string(index) + " is missing");
            push(found->second);
            break;
        }

        case Op::Global: {
            const std::string module = readLine();
            const std::string name = readLine();
            resolveGlobal(module, name);
            break;
        }
        case Op::StackGlobal: {
            const Value& name = object(pop());
            const Value& module = object(pop());
            if (name.kind != Kind::String || module.kind != Kind::String)
                corrupt("STACK_GLOBAL needs two strings");
            resolveGlobal(module.text, name.text);
            break;
        }
        case Op::Inst: {
            // INST creates an instance of a class named inline; no state_dict does that.
            const std::string module = readLine();
            const std::string name = readLine();
            resolveGlobal(module, name); // names a refused global in the message
            notStateDict("uses the INST opcode");
        }
        case Op::BinPersId:
            persistentLoad();
            break;
        case Op::Reduce:
            reduce();
            break;
        case Op::Build:
            build();
            break;

        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", code);
            corrupt(std::string("unknown or unsupported opcode ") + hex);
        }
        }
    }
}

} // namespace

Result<StateDict> unpickleStateDict(std::span<const uint8_t> pickle, const StorageLoader& loadStorage)
{
    try {
        return Interpreter(pickle, loadStorage).run();
    } catch (const Failure& failure) {
        return makeError(failure.clause);
    } catch (const c10::Error& error) {
        return makeError(std::string("is truncated or corrupt: ") + error.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        return makeError("is too large to load (out of memory)");
    } catch (const std::exception& error) {
        return makeError(std::string("is truncated or corrupt: ") + error.what());
    }
}

} // namespace stemcrate::model
