"""The peak resident memory of this process, for the reference scripts' memory figures."""
import resource


def peak_rss_bytes():
    """Linux's VmHWM, which, unlike getrusage's maxrss, does not start from the size of the
    parent that forked this process; getrusage's maxrss elsewhere."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
