namespace ConnectingNer.Application.Privacy;

/// <summary>The masks shown under a masked grant (and wherever a contact detail is echoed back).</summary>
public static class Masks
{
    /// <summary><c>asha.borah@gmail.com</c> → <c>a***@gmail.com</c>.</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }

    /// <summary><c>+919876543210</c> → <c>******3210</c>.</summary>
    public static string Phone(string phone) => phone.Length <= 4 ? "****" : "******" + phone[^4..];
}
