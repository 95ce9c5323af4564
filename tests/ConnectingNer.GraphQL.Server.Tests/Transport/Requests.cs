using System.Net.Http.Headers;
using System.Text;

namespace ConnectingNer.GraphQL.Server.Tests.Transport;

/// <summary>Raw HTTP requests to the endpoint, for the tests that check what the transport does with them.</summary>
internal static class Requests
{
    public static HttpRequestMessage Post(string body, string contentType = "application/json", string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    public static HttpRequestMessage Get(string queryString, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }
}
