from django import template

register = template.Library()


@register.filter
def clock_status(clock, today):
    return clock.status(today)


@register.filter
def days_left(clock, today):
    return clock.days_left(today)


@register.filter
def absolute(number):
    return abs(number)
