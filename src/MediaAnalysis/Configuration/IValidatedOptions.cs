namespace MediaAnalysis.Configuration;

// Options that check themselves and name each bad key the way an operator sets it ("Section:Key").
public interface IValidatedOptions
{
    IEnumerable<string> Validate();
}
