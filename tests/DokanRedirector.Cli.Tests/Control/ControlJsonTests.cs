using DokanRedirector.Cli.Control;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Cli.Tests.Control;

public sealed class ControlJsonTests
{
    private static readonly UserCredentials Alice = new("alice", "DOM", "pa ss=word");

    private static IEnumerable<object> EveryRequest() =>
    [
        new ListRequest(),
        new UseRequest("/mnt/x", @"\\server\share\sub", Alice, 4455, Seal: true, ReadOnly: true),
        new DeleteRequest(@"\\server\share", Force: true),
        new StatusRequest(),
        new StopRequest(),
    ];

    [TestCaseSource(nameof(EveryRequest))]
    public void Every_request_survives_a_round_trip_on_one_line(object sent)
    {
        // object, not ControlRequest: the protocol types are internal and a test method is public.
        var request = (ControlRequest)sent;
        var line = ControlJson.Serialize(request);
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Not.Contain('\n'));
            Assert.That(ControlJson.ParseRequest(line), Is.EqualTo(request));
        });
    }

    [Test]
    public void A_request_names_its_command_and_protocol_version()
    {
        var line = ControlJson.Serialize(new DeleteRequest("/mnt/x", Force: false));
        Assert.That(line, Does.StartWith("""{"command":"delete",""").And.Contain("\"version\":1"));
    }

    [Test]
    public void A_use_request_shows_no_password_when_logged()
    {
        var request = new UseRequest("/mnt/x", @"\\server\share", Alice, 445, false, false);
        Assert.That(request.ToString(), Does.Contain(@"DOM\alice").And.Not.Contain("pa ss=word"));
    }

    [Test]
    public void A_response_carries_connections_status_and_open_files_with_conditions_by_name()
    {
        var file = new OpenFileInfo(7, "/mnt/x/a.txt", 1234);
        var response = new ControlResponse
        {
            Error = new ControlError("STATUS_FILES_OPEN", "There are open files."),
            Connections = [new ConnectionInfo("/mnt/x", @"\\server\share", Condition.Good, @"DOM\alice", 1)],
            Status = [new SrvCallStatus(@"\server", Condition.Good, 2, [new NetRootStatus(@"\server\share", Condition.Good, 3, 1,
                [new VNetRootStatus(@"\;/mnt/x\server\share", "/mnt/x", @"DOM\alice", Condition.Good, 2, [file])])])],
            OpenFiles = [file],
            Service = new ServiceInfo(1234, "1.0.0"),
        };
        var line = ControlJson.Serialize(response);
        var back = ControlJson.ParseResponse(line);
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain("\"condition\":\"Good\""));
            Assert.That(ControlJson.Serialize(back), Is.EqualTo(line));
            Assert.That(back.Error, Is.EqualTo(response.Error));
            Assert.That(back.Status![0].NetRoots[0].VNetRoots[0].OpenFiles[0], Is.EqualTo(file));
        });
    }

    [Test]
    public void An_unknown_command_is_not_a_request()
    {
        Assert.That(() => ControlJson.ParseRequest("""{"command":"format-c","version":1}"""),
            Throws.InstanceOf<System.Text.Json.JsonException>());
    }
}
