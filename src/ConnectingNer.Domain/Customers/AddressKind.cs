namespace ConnectingNer.Domain.Customers;

public enum AddressKind
{
    Shipping,
    Billing,
}
