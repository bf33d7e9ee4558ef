import Testing

@testable import SignaalServer

@Suite struct ClientAddressTests {
    @Test func onlyATrustedProxyIsBelieved() {
        let proxies: Set<String> = ["10.0.0.2"]
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: "198.51.100.1", trustedProxies: proxies) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: "198.51.100.1", trustedProxies: proxies) == "198.51.100.1")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.1, 10.0.0.2", trustedProxies: proxies)
                == "198.51.100.1")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: nil, trustedProxies: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: "198.51.100.1", trustedProxies: proxies) == "unknown")
    }

    @Test func ipv6ClientsAreCountedByTheir64Block() {
        #expect(ClientAddress.limitKey("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64")
        #expect(ClientAddress.limitKey("2001:db8:1:2::ffff") == ClientAddress.limitKey("2001:db8:1:2:aaaa::1"))
        #expect(ClientAddress.limitKey("2001:db8:1:3::1") != ClientAddress.limitKey("2001:db8:1:2::1"))
        #expect(ClientAddress.limitKey("203.0.113.9") == "203.0.113.9")
        #expect(ClientAddress.limitKey("unknown") == "unknown")
        #expect(ClientAddress.limitKey("::ffff:203.0.113.9") == "203.0.113.9", "IPv4 clients of a dual-stack listener")
    }
}
