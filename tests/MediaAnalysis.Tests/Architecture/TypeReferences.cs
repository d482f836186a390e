using System.Reflection;
using System.Reflection.Emit;

namespace MediaAnalysis.Tests.Architecture;

// Every type a type names: in its signatures (base, interfaces, fields, properties, parameters, returns,
// generic arguments, attributes) and in its method bodies (calls, field accesses, casts, new objects, tokens).
internal static class TypeReferences
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(found, i);
        }
        foreach (var a in type.GetCustomAttributesData())
        {
            Add(found, a.AttributeType);
        }
        foreach (var f in type.GetFields(Everything))
        {
            Add(found, f.FieldType);
        }
        foreach (var p in type.GetProperties(Everything))
        {
            Add(found, p.PropertyType);
        }
        foreach (var e in type.GetEvents(Everything))
        {
            Add(found, e.EventHandlerType);
        }
        var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var m in methods)
        {
            if (m is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }
            foreach (var p in m.GetParameters())
            {
                Add(found, p.ParameterType);
            }
            foreach (var t in BodyReferences(type, m))
            {
                Add(found, t);
            }
        }
        return found;
    }

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }
        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
            return;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }
            type = type.GetGenericTypeDefinition();
        }
        found.Add(type);
    }

    private static IEnumerable<Type> BodyReferences(Type owner, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = owner.IsGenericType ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    foreach (var t in Resolve(method.Module, token, typeArguments, methodArguments))
                    {
                        yield return t;
                    }
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            yield break;
        }
        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType!;
                yield return f.FieldType;
                break;
            case MethodBase m:
                yield return m.DeclaringType!;
                if (m is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var a in generic.GetGenericArguments())
                    {
                        yield return a;
                    }
                }
                break;
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
