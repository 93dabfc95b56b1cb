# bench/voting/run, the kill test: one thread per voter, each voting through its own works one after
# the other (HTTP keep-alive), recording the work of every vote acknowledged with 200, until the
# application is gone. Prints the acknowledged work ids, one a line.
import http.client, sys, threading, time

host, port, voters_file, works_file, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])
voters = [line.split() for line in open(voters_file) if line.strip()]
works = open(works_file).read().split()
share = len(works) // len(voters)
acknowledged = []
lock = threading.Lock()
stop = time.time() + seconds

def vote(index, cookie):
    connection = http.client.HTTPConnection(host, port, timeout=10)
    for work in works[index * share:(index + 1) * share]:
        if time.time() > stop:
            return
        try:
            connection.request("POST", "/vote/works/" + work, body="", headers={
                "Cookie": "ZJVOTER=" + cookie, "Origin": "http://%s:%d" % (host, port), "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            response.read()
        except Exception:
            return
        if response.status == 200:
            with lock:
                acknowledged.append(work)

threads = [threading.Thread(target=vote, args=(i, voter[0])) for i, voter in enumerate(voters)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("\n".join(acknowledged))
